package org.shiori.central.ils.fileimport;

import java.util.List;
import java.util.Map;

/**
 * The rows of one export file: the header names and, per row, its first line in the file and its
 * values by header.
 */
record ExportTable(String file, List<String> headers, List<Row> rows) {
  record Row(long line, Map<String, String> values) {}

  ExportTable {
    headers = List.copyOf(headers);
    rows = List.copyOf(rows);
  }
}
