package org.shiori.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.shiori.rfid.iso15693.Iso15693Request;
import org.shiori.rfid.tag.TagUid;

/** Air time of a raw ISO 15693 request that a front end passes to the tags as it is. */
final class RawIso15693 {
  private RawIso15693() {}

  /**
   * @param request the request as the host sent it
   * @param responder the tags' side, to tell which of them answer an inventory
   * @param field the tags in the field
   * @param model the air time model
   */
  static Duration airTime(
      Iso15693Request request,
      Iso15693TagResponder responder,
      TagField field,
      Iso15693AirTime model) {
    if (request.command() == Iso15693Request.INVENTORY) {
      List<TagUid> answering =
          responder.inventoryMatches(request).stream().map(VirtualTag::uid).toList();
      return model.rawRequest(request, answering, 4);
    }
    Optional<VirtualTag> tag = request.isAddressed() ? field.find(request.uid()) : Optional.empty();
    // An addressed request is answered by its tag, an unaddressed one by whichever tag is there.
    List<TagUid> answering =
        request.isAddressed()
            ? tag.map(VirtualTag::uid).stream().toList()
            : field.tags().stream().map(VirtualTag::uid).toList();
    if (request.command() == Iso15693Request.NXP_EAS_ALARM
        && !tag.map(VirtualTag::eas).orElse(false)) {
      answering = List.of(); // an unarmed tag stays silent
    }
    return model.rawRequest(request, answering, tag.map(VirtualTag::blockSize).orElse(4));
  }
}
