package org.shiori.central.ils.sip2;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One SIP2 message without its error-detection trailer: the command, its fixed-length fields as one
 * string, and its variable-length fields in order.
 */
public record Sip2Message(Sip2Command command, String fixedFields, List<Sip2Field> fields) {

  public Sip2Message {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(fixedFields, "fixedFields");
    fields = List.copyOf(fields);
    if (fixedFields.length() != command.fixedLength()) {
      throw new IllegalArgumentException(
          "SIP2 "
              + command.id()
              + " needs "
              + command.fixedLength()
              + " characters of fixed fields, got "
              + fixedFields.length());
    }
  }

  public static Builder builder(Sip2Command command) {
    return new Builder(command);
  }

  /** The first value of a field, empty when the message does not have it. */
  public Optional<String> field(String code) {
    return fields.stream().filter(f -> f.code().equals(code)).map(Sip2Field::value).findFirst();
  }

  /** Every value of a repeatable field, in order. */
  public List<String> fieldValues(String code) {
    return fields.stream()
        .filter(f -> f.code().equals(code))
        .map(Sip2Field::value)
        .collect(Collectors.toList());
  }

  /** The screen messages (AF) joined by a space, empty when there are none. */
  public String screenMessage() {
    return String.join(" ", fieldValues("AF"));
  }

  /** The message id and the item id only: the form in which a message may be logged. */
  public String describeForLog() {
    return command.id() + field("AB").map(item -> " item=" + item).orElse("");
  }

  @Override
  public String toString() {
    return "Sip2Message[" + describeForLog() + "]";
  }

  /** Builds a message field by field, in the order they will be sent. */
  public static final class Builder {
    private final Sip2Command command;
    private final StringBuilder fixed = new StringBuilder();
    private final List<Sip2Field> fields = new ArrayList<>();

    private Builder(Sip2Command command) {
      this.command = command;
    }

    /** Appends fixed-length field text, exactly as given. */
    public Builder fixed(String text) {
      fixed.append(text);
      return this;
    }

    /** Appends a one-character Y/N fixed field. */
    public Builder fixedYesNo(boolean yes) {
      fixed.append(yes ? 'Y' : 'N');
      return this;
    }

    public Builder field(String code, String value) {
      fields.add(new Sip2Field(code, value));
      return this;
    }

    public Builder optionalField(String code, Optional<String> value) {
      value.ifPresent(v -> field(code, v));
      return this;
    }

    public Sip2Message build() {
      return new Sip2Message(command, fixed.toString(), fields);
    }
  }
}
