package org.shiori.central.ils;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ILS answered: accepted with a value, or rejected with a reason. Both keep the ILS's
 * screen message (SIP2 field AF) for staff; it may be empty.
 *
 * @param <T> what an accepted answer carries
 */
public sealed interface IlsResult<T> permits IlsResult.Accepted, IlsResult.Rejected {

  /** The ILS's screen message for staff, empty when it sent none. */
  String screenMessage();

  boolean isAccepted();

  static <T> IlsResult<T> accepted(T value, Optional<LocalDate> dueDate, String screenMessage) {
    return new Accepted<>(value, dueDate, screenMessage);
  }

  static <T> IlsResult<T> rejected(IlsRejectionReason reason, String screenMessage) {
    return new Rejected<>(reason, screenMessage);
  }

  /** The ILS did it. {@code dueDate} is there for checkouts and renewals the ILS dated. */
  record Accepted<T>(T value, Optional<LocalDate> dueDate, String screenMessage)
      implements IlsResult<T> {
    public Accepted {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(dueDate, "dueDate");
      Objects.requireNonNull(screenMessage, "screenMessage");
    }

    @Override
    public boolean isAccepted() {
      return true;
    }
  }

  /** The ILS was reached and said no. */
  record Rejected<T>(IlsRejectionReason reason, String screenMessage) implements IlsResult<T> {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(screenMessage, "screenMessage");
    }

    @Override
    public boolean isAccepted() {
      return false;
    }
  }
}
