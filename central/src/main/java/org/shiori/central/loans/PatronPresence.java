package org.shiori.central.loans;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Function;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.policy.CirculationPolicy;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.protocol.CentralRequest;
import org.shiori.protocol.PatronProof;

/**
 * Checks that a loans or renewal request comes from the patron at the kiosk: it carries a card
 * number (schema version 3) that hashes, with the tenant key the devices use, to the patron key it
 * names, and the PIN where the patron's category asks for one (R-CARD-2). Says why not otherwise;
 * never keeps or logs the card number.
 */
public final class PatronPresence {

  /** What the check found. */
  public sealed interface Verdict permits Proven, Refused {}

  /**
   * The patron is at the kiosk.
   *
   * @param patron the patron key, equal to the hash of the card
   * @param snapshot central's record of the patron, when it has one
   * @param proof the card (and PIN) to speak for the patron to the library system
   */
  public record Proven(PatronKey patron, Optional<PatronSnapshot> snapshot, PatronProof proof)
      implements Verdict {}

  /**
   * Not answered.
   *
   * @param reason the code the device gets
   */
  public record Refused(String reason) implements Verdict {}

  private final Optional<CardHasher> hasher;
  private final CirculationPolicy policy;
  private final Function<PatronKey, Optional<PatronSnapshot>> patrons;
  private final boolean patronsOnlyHere;
  private final boolean pinsVerifiable;

  /**
   * @param hasher the tenant key's hasher; empty when central has no tenant key configured
   * @param policy whose categories say where a PIN is needed
   * @param patrons central's patron records
   * @param patronsOnlyHere true when central's records are the only ones (standalone): a patron
   *     central does not know is unknown; false when the library system knows patrons central does
   *     not
   * @param pinsVerifiable whether the library system checks the PIN sent with the request (SIP2
   *     field AD); without it a category that needs a PIN is refused {@code PIN_UNVERIFIABLE}
   */
  public PatronPresence(
      Optional<CardHasher> hasher,
      CirculationPolicy policy,
      Function<PatronKey, Optional<PatronSnapshot>> patrons,
      boolean patronsOnlyHere,
      boolean pinsVerifiable) {
    this.hasher = hasher;
    this.policy = policy;
    this.patrons = patrons;
    this.patronsOnlyHere = patronsOnlyHere;
    this.pinsVerifiable = pinsVerifiable;
  }

  public Verdict check(CentralRequest request) {
    if (request.proof().isEmpty()) {
      return new Refused("PROOF_REQUIRED");
    }
    if (hasher.isEmpty()) {
      return new Refused("NOT_AVAILABLE");
    }
    PatronProof proof = request.proof().get();
    PatronKey named = request.patron().orElseThrow();
    PatronKey hashed = hasher.get().keyOf(proof.cardNumber());
    // Constant time: the answer's timing tells nothing about how much of a key matched.
    if (!MessageDigest.isEqual(
        hashed.value().getBytes(StandardCharsets.US_ASCII),
        named.value().getBytes(StandardCharsets.US_ASCII))) {
      return new Refused("PROOF_INVALID");
    }
    Optional<PatronSnapshot> snapshot = patrons.apply(named);
    if (snapshot.isEmpty() && patronsOnlyHere) {
      return new Refused("UNKNOWN_PATRON");
    }
    boolean pinNeeded = snapshot.map(p -> policy.requiresPin(p.category())).orElse(false);
    if (pinNeeded && proof.pin().isEmpty()) {
      return new Refused("PIN_REQUIRED");
    }
    if (pinNeeded && !pinsVerifiable) {
      return new Refused("PIN_UNVERIFIABLE");
    }
    return new Proven(named, snapshot, proof);
  }
}
