package org.shiori.circulation.policy.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.policy.ReasonCodes;
import org.shiori.circulation.policy.model.LoanRule;
import org.shiori.circulation.policy.model.PatronCategory;
import org.shiori.circulation.policy.model.Restriction;
import org.shiori.yaml.YamlNode;

/**
 * Reads the {@code messages} section over the shipped {@code policies/messages.yaml}, and checks
 * that every reason code the engine or the file can give has a Japanese and an English text.
 */
final class MessagesSection extends SectionSupport {
  MessagesSection(PolicyYaml doc) {
    super(doc);
  }

  Map<String, Message> messages(YamlNode node) {
    Map<String, Message> result = new HashMap<>(defaultMessages());
    if (node != null) {
      result.putAll(messagesOf(doc, node));
    }
    return result;
  }

  /** Reads a mapping of reason code to {@code {ja: ..., en: ...}}. */
  static Map<String, Message> messagesOf(PolicyYaml doc, YamlNode node) {
    Map<String, Message> result = new HashMap<>();
    doc.mapping(node, "messages", Set.of())
        .forEach(
            (code, def) -> {
              Map<String, YamlNode> m = doc.mapping(def, "message " + code, Set.of("ja", "en"));
              Optional<String> ja =
                  Optional.ofNullable(m.get("ja")).flatMap(n -> doc.text(n, code));
              Optional<String> en =
                  Optional.ofNullable(m.get("en")).flatMap(n -> doc.text(n, code));
              if (ja.isEmpty() || en.isEmpty()) {
                doc.problem(def, "message " + code + ": needs both 'ja' and 'en'");
              } else {
                result.put(code, new Message(ja.get(), en.get()));
              }
            });
    return result;
  }

  static Map<String, Message> defaultMessages() {
    try (InputStream in =
        PolicyReader.class.getClassLoader().getResourceAsStream(PolicyReader.DEFAULT_MESSAGES)) {
      if (in == null) {
        throw new IllegalStateException(
            PolicyReader.DEFAULT_MESSAGES + " is missing from the build");
      }
      PolicyYaml.Parsed parsed =
          PolicyYaml.read(
              PolicyReader.DEFAULT_MESSAGES, new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, Message> result = messagesOf(parsed.doc(), parsed.root().orElseThrow());
      if (parsed.doc().hasProblems()) {
        throw new PolicyException(parsed.doc().problems());
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void checkMessages(
      Map<String, Message> messages,
      List<LoanRule> rules,
      List<Restriction> eligibility,
      List<Restriction> notForLoan,
      Map<String, PatronCategory> categories,
      YamlNode at) {
    Set<String> needed = new LinkedHashSet<>(ReasonCodes.ALL);
    rules.forEach(r -> r.refusal().ifPresent(needed::add));
    eligibility.forEach(r -> needed.add(r.reasonCode()));
    notForLoan.forEach(r -> needed.add(r.reasonCode()));
    for (String code : needed) {
      if (!messages.containsKey(code)) {
        doc.problem(at, "no message for reason " + code + "; add it under 'messages'");
      }
    }
    if (!messages.containsKey(ReasonCodes.LIMIT)) {
      categories.values().stream()
          .flatMap(c -> c.limits().stream())
          .filter(g -> !messages.containsKey(g.reasonCode()))
          .forEach(
              g -> doc.problem(at, "no message for " + g.reasonCode() + " nor the generic LIMIT"));
    }
  }
}
