package org.shiori.config;

/** A configuration choice: the exact word a technician writes for it in the YAML file. */
public interface ConfigName {
  String configName();
}
