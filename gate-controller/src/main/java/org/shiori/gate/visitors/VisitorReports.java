package org.shiori.gate.visitors;

/** Where visitor counts go: the broker on a gate, a list in tests. */
public interface VisitorReports {
  void publish(VisitorCount count);
}
