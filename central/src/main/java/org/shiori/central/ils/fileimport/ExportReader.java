package org.shiori.central.ils.fileimport;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CSV ({@code .csv}, comma) or TSV ({@code .tsv} / {@code .txt}, tab) export in UTF-8 with
 * a header line: RFC 4180 quoting, CRLF or LF, an optional byte order mark. The limits are checked
 * before the data is read whole.
 */
final class ExportReader {
  private static final CsvMapper CSV = new CsvMapper();

  private final ImportLimits limits;

  ExportReader(ImportLimits limits) {
    this.limits = limits;
  }

  ExportTable read(Path path) throws ImportException {
    String file = path.getFileName().toString();
    char separator = separatorOf(file);
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      throw new ImportException(file + ": cannot be read: " + e.getMessage(), e);
    }
    if (size > limits.maxFileBytes()) {
      throw new ImportException(
          file
              + ": "
              + size
              + " bytes, allowed: at most "
              + limits.maxFileBytes()
              + " bytes; nothing was read");
    }
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withQuoteChar('"');
    // The line of the row being read, for errors the parser only notices lines later.
    long[] rowLine = {1};
    try (Reader reader =
            new LineLimitReader(
                new InputStreamReader(
                    Files.newInputStream(path),
                    StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)),
                limits.maxLineChars());
        CsvParser parser = (CsvParser) CSV.getFactory().createParser(reader)) {
      parser.setSchema(schema);
      parser.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
      List<String> headers = null;
      List<ExportTable.Row> rows = new ArrayList<>();
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token != JsonToken.START_ARRAY) {
          continue;
        }
        List<String> values = new ArrayList<>();
        // The row's line is where its first value starts: the array token stands before the
        // line break that ends the previous row.
        long line = -1;
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
          if (line < 0) {
            line = parser.currentTokenLocation().getLineNr();
            rowLine[0] = line;
          }
          values.add(parser.getText().strip());
        }
        if (headers == null) {
          headers = headersOf(file, values);
          continue;
        }
        if (values.size() == 1 && values.get(0).isEmpty()) {
          continue;
        }
        if (values.size() > headers.size()) {
          throw new ImportException(
              file
                  + ":"
                  + line
                  + ": "
                  + values.size()
                  + " values, allowed: at most "
                  + headers.size()
                  + " (one per column of line 1)");
        }
        if (rows.size() >= limits.maxRows()) {
          throw new ImportException(
              file + ": more than " + limits.maxRows() + " rows, allowed: " + limits.maxRows());
        }
        Map<String, String> byHeader = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
          byHeader.put(headers.get(i), i < values.size() ? values.get(i) : "");
        }
        rows.add(new ExportTable.Row(line, byHeader));
      }
      if (headers == null) {
        throw new ImportException(file + ":1: empty file, allowed: a header line and rows");
      }
      return new ExportTable(file, headers, rows);
    } catch (LineLimitReader.LineTooLongException e) {
      throw new ImportException(
          file
              + ":"
              + e.line
              + ": line longer than "
              + limits.maxLineChars()
              + " characters, allowed: at most "
              + limits.maxLineChars(),
          e);
    } catch (CharacterCodingException e) {
      throw new ImportException(
          file + ": not valid UTF-8, allowed: UTF-8 text (save the export as UTF-8)", e);
    } catch (StreamReadException e) {
      long seen = e.getLocation() == null ? rowLine[0] : e.getLocation().getLineNr();
      throw new ImportException(
          file
              + ":"
              + rowLine[0]
              + ": "
              + e.getOriginalMessage()
              + (seen != rowLine[0] ? " (noticed at line " + seen + ")" : "")
              + ", allowed: RFC 4180 quoting (a quoted value ends with a quote, \"\" inside)",
          e);
    } catch (IOException e) {
      throw new ImportException(file + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static List<String> headersOf(String file, List<String> values) throws ImportException {
    Set<String> seen = new HashSet<>();
    for (String h : values) {
      if (h.isEmpty()) {
        throw new ImportException(file + ":1: an empty column name, allowed: a name per column");
      }
      if (!seen.add(h)) {
        throw new ImportException(
            file + ":1: column \"" + h + "\" twice, allowed: each column name once");
      }
    }
    return values;
  }

  private static char separatorOf(String file) throws ImportException {
    String lower = file.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return ',';
    }
    if (lower.endsWith(".tsv") || lower.endsWith(".txt")) {
      return '\t';
    }
    throw new ImportException(file + ": unknown file type, allowed: .csv, .tsv or .txt");
  }
}
