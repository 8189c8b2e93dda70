package org.shiori.protocol;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What shows central that the patron is at the kiosk: the card number read in this session, and the
 * PIN entered in it where the patron's category asks for one (R-CARD-2). Central hashes the number
 * with the tenant key and compares it with the patron key the request names. It travels only over
 * the device's TLS link (P-TLS-1); neither side stores or logs it, and {@link #toString()} shows
 * neither value.
 *
 * @param cardNumber the number as the card reader delivered it (4–32 of Codabar's characters or hex
 *     digits, as the kiosk accepts them)
 * @param pin the PIN entered in this session, 4–8 digits
 */
public record PatronProof(String cardNumber, Optional<String> pin) {
  static final Pattern CARD = Pattern.compile("[A-Fa-f0-9$:/.+\\-]{4,32}");
  static final Pattern PIN = Pattern.compile("[0-9]{4,8}");

  public PatronProof {
    Objects.requireNonNull(cardNumber, "cardNumber");
    Objects.requireNonNull(pin, "pin");
    if (!CARD.matcher(cardNumber).matches()) {
      throw new IllegalArgumentException("a card number is 4-32 of [A-Fa-f0-9$:/.+-]");
    }
    if (pin.isPresent() && !PIN.matcher(pin.get()).matches()) {
      throw new IllegalArgumentException("a PIN is 4 to 8 digits");
    }
  }

  /** A card without a PIN. */
  public static PatronProof card(String cardNumber) {
    return new PatronProof(cardNumber, Optional.empty());
  }

  /** The same card with the PIN entered in this session. */
  public PatronProof withPin(String enteredPin) {
    return new PatronProof(cardNumber, Optional.of(enteredPin));
  }

  /** Shows neither the card number nor the PIN. */
  @Override
  public String toString() {
    return "PatronProof[card=(hidden)" + (pin.isPresent() ? ", pin=(hidden)" : "") + "]";
  }
}
