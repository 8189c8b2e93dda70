package org.shiori.kiosk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.shiori.kiosk.session.SessionView;
import org.shiori.kiosk.text.PatronTexts;

/**
 * The session view as the screen reads it: every field of {@link SessionView}, plus the text key of
 * the banner and of each item's message, so the screen shows them in the patron's language from the
 * language files. Texts without a key keep their Japanese and English as a fallback.
 */
final class ScreenJson {
  private final ObjectMapper json;
  private final PatronTexts texts;

  ScreenJson(ObjectMapper json, PatronTexts texts) {
    this.json = json;
    this.texts = texts;
  }

  ObjectNode of(SessionView view, ScreenStatus status) {
    ObjectNode node = json.valueToTree(view);
    texts.keyOf(view.banner()).ifPresent(key -> node.put("bannerKey", key));
    JsonNode outcomes = node.get("outcomes");
    if (outcomes instanceof ArrayNode items) {
      for (int i = 0; i < items.size(); i++) {
        ObjectNode item = (ObjectNode) items.get(i);
        texts.keyOf(view.outcomes().get(i).message()).ifPresent(key -> item.put("messageKey", key));
      }
    }
    view.notice()
        .flatMap(n -> texts.keyOf(n.message()))
        .ifPresent(key -> ((ObjectNode) node.get("notice")).put("messageKey", key));
    node.set("status", json.valueToTree(status));
    return node;
  }
}
