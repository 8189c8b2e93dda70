package org.shiori.kiosk.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.shiori.circulation.domain.Message;

/**
 * The patron-facing texts, one resource file per language ({@code
 * messages/patron_<code>.properties}, UTF-8), the languages listed in {@code
 * messages/languages.txt}; the first is the default. A new language is a new file and a line, never
 * code.
 */
public final class PatronTexts {
  private static final String DIRECTORY = "messages/";
  private static final PatronTexts SHIPPED = load();

  private final List<String> languages;
  private final Map<String, Map<String, String>> byLanguage;

  private PatronTexts(List<String> languages, Map<String, Map<String, String>> byLanguage) {
    this.languages = List.copyOf(languages);
    this.byLanguage = Map.copyOf(byLanguage);
  }

  /** The texts shipped with the kiosk. */
  public static PatronTexts shipped() {
    return SHIPPED;
  }

  /** The languages offered, the default first. */
  public List<String> languages() {
    return languages;
  }

  public String defaultLanguage() {
    return languages.get(0);
  }

  /** Every text of one language, by key; empty for a language not offered. */
  public Optional<Map<String, String>> texts(String language) {
    return Optional.ofNullable(byLanguage.get(language));
  }

  /** One text; the key itself when a language file lacks it (a test checks none does). */
  public String text(String language, String key) {
    Map<String, String> texts = byLanguage.getOrDefault(language, Map.of());
    return texts.getOrDefault(key, key);
  }

  /** A text in Japanese and English, for the code that still carries both. */
  public Message message(String key) {
    return new Message(text("ja", key), text("en", key));
  }

  /** The key of a text given in Japanese, when it is one of the kiosk's own. */
  public Optional<String> keyOf(Message message) {
    for (Map.Entry<String, String> e : byLanguage.getOrDefault("ja", Map.of()).entrySet()) {
      if (e.getValue().equals(message.ja()) && e.getKey().startsWith("kiosk.")) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  private static PatronTexts load() {
    List<String> languages = new ArrayList<>();
    try (BufferedReader index = reader(DIRECTORY + "languages.txt")) {
      String line;
      while ((line = index.readLine()) != null) {
        String code = line.strip();
        if (!code.isEmpty() && !code.startsWith("#")) {
          languages.add(code);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    for (String language : languages) {
      Properties p = new Properties();
      try (BufferedReader in = reader(DIRECTORY + "patron_" + language + ".properties")) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Map<String, String> texts = new LinkedHashMap<>();
      p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
      all.put(language, texts);
    }
    if (languages.isEmpty()) {
      throw new IllegalStateException(DIRECTORY + "languages.txt lists no language");
    }
    return new PatronTexts(languages, all);
  }

  private static BufferedReader reader(String resource) throws IOException {
    InputStream in = PatronTexts.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("missing resource " + resource);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }
}
