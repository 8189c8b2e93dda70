package org.shiori.central.ils.sip2;

import java.util.Objects;
import java.util.Optional;
import org.shiori.central.ils.IlsCheckin;
import org.shiori.central.ils.IlsCheckout;
import org.shiori.central.ils.IlsRenewal;

/** Builds the SIP2 2.00 request messages the connector sends, from the settings and a clock. */
public final class Sip2Requests {
  /** Patron information summary asking for the charged items list (position 3). */
  public static final String SUMMARY_CHARGED_ITEMS = "  Y       ";

  /** Patron information summary asking for no item list. */
  public static final String SUMMARY_NONE = " ".repeat(10);

  private static final String MAX_PRINT_WIDTH = "040";
  private static final String PROTOCOL_VERSION = "2.00";

  private final Sip2Settings settings;
  private final Sip2Dates dates;

  public Sip2Requests(Sip2Settings settings, Sip2Dates dates) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.dates = Objects.requireNonNull(dates, "dates");
  }

  /** 93 Login: UID and PWD algorithm 0 (plain), CN user, CO password, CP location code. */
  public Sip2Message login() {
    return Sip2Message.builder(Sip2Command.LOGIN)
        .fixed("00")
        .field("CN", settings.loginUser())
        .field("CO", settings.loginPassword())
        .optionalField("CP", nonEmpty(settings.locationCode()))
        .build();
  }

  /** 99 SC Status: status 0 (SC ok), max print width, protocol version 2.00. */
  public Sip2Message scStatus() {
    return Sip2Message.builder(Sip2Command.SC_STATUS)
        .fixed("0")
        .fixed(MAX_PRINT_WIDTH)
        .fixed(PROTOCOL_VERSION)
        .build();
  }

  /** 11 Checkout. The transaction date is the offline time where there is one. */
  public Sip2Message checkout(IlsCheckout checkout) {
    String transactionDate =
        checkout.offlineTransactionTime().map(dates::format).orElseGet(dates::now);
    return Sip2Message.builder(Sip2Command.CHECKOUT)
        .fixedYesNo(false)
        .fixedYesNo(checkout.noBlock())
        .fixed(transactionDate)
        .fixed(Sip2Dates.NO_DATE)
        .field("AO", institution(checkout.institutionId()))
        .field("AA", checkout.patronIdentifier())
        .field("AB", checkout.itemId())
        .field("AC", settings.terminalPassword())
        .optionalField("AD", checkout.patronPin())
        .optionalField("BO", checkout.feeAcknowledged() ? Optional.of("Y") : Optional.empty())
        .build();
  }

  /** 09 Checkin. The return date is the offline return time where there is one, else now. */
  public Sip2Message checkin(IlsCheckin checkin) {
    String now = dates.now();
    return Sip2Message.builder(Sip2Command.CHECKIN)
        .fixedYesNo(checkin.noBlock())
        .fixed(now)
        .fixed(checkin.returnTime().map(dates::format).orElse(now))
        .field("AP", checkin.location().orElse(settings.locationCode()))
        .field("AO", institution(checkin.institutionId()))
        .field("AB", checkin.itemId())
        .field("AC", settings.terminalPassword())
        .build();
  }

  /** 29 Renew of one item, third party not allowed. */
  public Sip2Message renew(IlsRenewal renewal) {
    String transactionDate =
        renewal.offlineTransactionTime().map(dates::format).orElseGet(dates::now);
    return Sip2Message.builder(Sip2Command.RENEW)
        .fixedYesNo(false)
        .fixedYesNo(renewal.noBlock())
        .fixed(transactionDate)
        .fixed(Sip2Dates.NO_DATE)
        .field("AO", institution(renewal.institutionId()))
        .field("AA", renewal.patronIdentifier())
        .optionalField("AD", renewal.patronPin())
        .field("AB", renewal.itemId())
        .field("AC", settings.terminalPassword())
        .build();
  }

  /** 63 Patron Information with the given 10-character summary. */
  public Sip2Message patronInformation(
      String patronIdentifier, Optional<String> patronPin, String summary) {
    if (summary.length() != 10) {
      throw new IllegalArgumentException("SIP2 summary must be 10 characters: " + summary.length());
    }
    return Sip2Message.builder(Sip2Command.PATRON_INFORMATION)
        .fixed(settings.languageCode())
        .fixed(dates.now())
        .fixed(summary)
        .field("AO", settings.institutionId())
        .field("AA", patronIdentifier)
        .optionalField("AC", nonEmpty(settings.terminalPassword()))
        .optionalField("AD", patronPin)
        .build();
  }

  /** 17 Item Information. */
  public Sip2Message itemInformation(String itemId) {
    return Sip2Message.builder(Sip2Command.ITEM_INFORMATION)
        .fixed(dates.now())
        .field("AO", settings.institutionId())
        .field("AB", itemId)
        .optionalField("AC", nonEmpty(settings.terminalPassword()))
        .build();
  }

  /** 35 End Patron Session. */
  public Sip2Message endPatronSession(String patronIdentifier, Optional<String> patronPin) {
    return Sip2Message.builder(Sip2Command.END_PATRON_SESSION)
        .fixed(dates.now())
        .field("AO", settings.institutionId())
        .field("AA", patronIdentifier)
        .optionalField("AC", nonEmpty(settings.terminalPassword()))
        .optionalField("AD", patronPin)
        .build();
  }

  /** 97 Request ACS Resend: the SC asks the ACS to send its last message again. */
  public static Sip2Message requestAcsResend() {
    return Sip2Message.builder(Sip2Command.REQUEST_ACS_RESEND).build();
  }

  /** 96 Request SC Resend: the ACS asks the SC to send its last message again. */
  public static Sip2Message requestScResend() {
    return Sip2Message.builder(Sip2Command.REQUEST_SC_RESEND).build();
  }

  private String institution(Optional<String> override) {
    return override.orElse(settings.institutionId());
  }

  private static Optional<String> nonEmpty(String value) {
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }
}
