package org.shiori.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds the known key a misspelt one was most likely meant to be ("did you mean"). */
final class KeySuggestion {
  private static final int MAX_DISTANCE = 2;

  private KeySuggestion() {}

  static Optional<String> closest(String unknown, List<String> known) {
    String wanted = unknown.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = editDistance(wanted, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int limit = Math.min(MAX_DISTANCE, Math.max(1, wanted.length() / 3));
    if (bestDistance <= limit) {
      return Optional.ofNullable(best);
    }
    return known.stream().filter(k -> isAbbreviation(wanted, k)).findFirst();
  }

  /** "keepalive" for "keepAliveSeconds": the unknown key is the start of a known one. */
  private static boolean isAbbreviation(String wanted, String known) {
    return wanted.length() >= 4 && known.toLowerCase(Locale.ROOT).startsWith(wanted);
  }

  /** Levenshtein distance, counting a swap of two neighbouring letters as one edit. */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
