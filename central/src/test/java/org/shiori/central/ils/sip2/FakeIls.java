package org.shiori.central.ils.sip2;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory library behind {@link FakeSip2Server}: items, patrons with blocks, loans, and the
 * SIP2 2.00 answer to each request, built from the specification's fixed-field layouts.
 */
final class FakeIls {
  static final int LOAN_DAYS = 14;
  static final String SUPPORTED_MESSAGES = "YYYNYYYYYNYNNNYN";

  record Item(String id, String title, String location, boolean holdWaiting) {}

  record Patron(String card, String pin, String name, boolean blocked) {}

  record Loan(String card, LocalDate due) {}

  private final String institutionId;
  private final Sip2Dates dates;
  private final ZoneId zone;
  private final String loginUser;
  private final String loginPassword;
  private final Map<String, Item> items = new HashMap<>();
  private final Map<String, Patron> patrons = new HashMap<>();
  private final Map<String, Loan> loans = new HashMap<>();
  private boolean refusing;
  private boolean offline;

  FakeIls(String institutionId, Sip2Dates dates, ZoneId zone, String loginUser, String password) {
    this.institutionId = institutionId;
    this.dates = dates;
    this.zone = zone;
    this.loginUser = loginUser;
    this.loginPassword = password;
  }

  synchronized void addItem(Item item) {
    items.put(item.id(), item);
  }

  synchronized void addPatron(Patron patron) {
    patrons.put(patron.card(), patron);
  }

  synchronized void lend(String itemId, String card, LocalDate due) {
    loans.put(itemId, new Loan(card, due));
  }

  synchronized Optional<Loan> loanOf(String itemId) {
    return Optional.ofNullable(loans.get(itemId));
  }

  synchronized void refusing(boolean refuse) {
    refusing = refuse;
  }

  synchronized void offline(boolean isOffline) {
    offline = isOffline;
  }

  /** The answer to a request, empty for one this ILS does not answer. */
  synchronized Optional<Sip2Message> answer(Sip2Message request) {
    switch (request.command()) {
      case LOGIN:
        return Optional.of(login(request));
      case SC_STATUS:
        return Optional.of(acsStatus());
      case CHECKOUT:
        return Optional.of(checkout(request));
      case CHECKIN:
        return Optional.of(checkin(request));
      case RENEW:
        return Optional.of(renew(request));
      case PATRON_INFORMATION:
        return Optional.of(patronInformation(request));
      case ITEM_INFORMATION:
        return Optional.of(itemInformation(request));
      case END_PATRON_SESSION:
        return Optional.of(endSession(request));
      default:
        return Optional.empty();
    }
  }

  private Sip2Message login(Sip2Message request) {
    boolean ok =
        request.field("CN").equals(Optional.of(loginUser))
            && request.field("CO").equals(Optional.of(loginPassword));
    return Sip2Message.builder(Sip2Command.LOGIN_RESPONSE).fixed(ok ? "1" : "0").build();
  }

  private Sip2Message acsStatus() {
    return Sip2Message.builder(Sip2Command.ACS_STATUS)
        .fixed(offline ? "NNNNNN" : "YYYYNN")
        .fixed("030")
        .fixed("003")
        .fixed(dates.now())
        .fixed("2.00")
        .field("AO", institutionId)
        .field("AM", "Shiori test library")
        .field("BX", SUPPORTED_MESSAGES)
        .build();
  }

  private Sip2Message checkout(Sip2Message request) {
    String card = request.field("AA").orElse("");
    String itemId = request.field("AB").orElse("");
    boolean noBlock = request.fixedFields().charAt(1) == 'Y';
    Patron patron = patrons.get(card);
    Item item = items.get(itemId);
    Loan loan = loans.get(itemId);
    String refusal = null;
    if (offline) {
      refusal = "Library system off line";
    } else if (refusing) {
      refusal = "Refused by the library system";
    } else if (patron == null) {
      refusal = "Unknown patron";
    } else if (!pinMatches(request, patron)) {
      refusal = "Wrong PIN";
    } else if (patron.blocked() && !noBlock) {
      refusal = "Patron blocked: please see staff";
    } else if (item == null) {
      refusal = "Unknown item";
    } else if (loan != null && !loan.card().equals(card)) {
      refusal = "Item is on loan";
    }
    LocalDate due = null;
    if (refusal == null) {
      due = today().plusDays(LOAN_DAYS);
      loans.put(itemId, new Loan(card, due));
    }
    return circulation(Sip2Command.CHECKOUT_RESPONSE, card, itemId, item, due, refusal);
  }

  private Sip2Message renew(Sip2Message request) {
    String card = request.field("AA").orElse("");
    String itemId = request.field("AB").orElse("");
    Patron patron = patrons.get(card);
    Item item = items.get(itemId);
    Loan loan = loans.get(itemId);
    String refusal = null;
    if (offline) {
      refusal = "Library system off line";
    } else if (refusing) {
      refusal = "Refused by the library system";
    } else if (patron == null) {
      refusal = "Unknown patron";
    } else if (patron.blocked()) {
      refusal = "Patron blocked";
    } else if (item == null) {
      refusal = "Unknown item";
    } else if (loan == null || !loan.card().equals(card)) {
      refusal = "Item not on loan to this patron";
    }
    LocalDate due = null;
    if (refusal == null) {
      due = today().plusDays(LOAN_DAYS);
      loans.put(itemId, new Loan(card, due));
    }
    return circulation(Sip2Command.RENEW_RESPONSE, card, itemId, item, due, refusal);
  }

  /** 12 or 30: ok, renewal ok, magnetic media, desensitize, transaction date, AO AA AB AJ AH AF. */
  private Sip2Message circulation(
      Sip2Command command, String card, String itemId, Item item, LocalDate due, String refusal) {
    boolean ok = refusal == null;
    Sip2Message.Builder answer =
        Sip2Message.builder(command)
            .fixed(ok ? "1" : "0")
            .fixed(command == Sip2Command.RENEW_RESPONSE && ok ? "Y" : "N")
            .fixed("N")
            .fixed(ok ? "Y" : "N")
            .fixed(dates.now())
            .field("AO", institutionId)
            .field("AA", card)
            .field("AB", itemId)
            .field("AJ", item == null ? "" : item.title());
    if (ok) {
      answer.field("AH", dueDate(due));
    } else {
      answer.field("AF", refusal);
    }
    return answer.build();
  }

  private Sip2Message checkin(Sip2Message request) {
    String itemId = request.field("AB").orElse("");
    Item item = items.get(itemId);
    String refusal = null;
    if (offline) {
      refusal = "Library system off line";
    } else if (refusing) {
      refusal = "Refused by the library system";
    } else if (item == null) {
      refusal = "Unknown item";
    } else if (!loans.containsKey(itemId)) {
      refusal = "Item not checked out";
    }
    boolean ok = refusal == null;
    boolean alert = ok && item.holdWaiting();
    if (ok) {
      loans.remove(itemId);
    }
    Sip2Message.Builder answer =
        Sip2Message.builder(Sip2Command.CHECKIN_RESPONSE)
            .fixed(ok ? "1" : "0")
            .fixed(ok ? "Y" : "N")
            .fixed("N")
            .fixed(alert ? "Y" : "N")
            .fixed(dates.now())
            .field("AO", institutionId)
            .field("AB", itemId)
            .field("AQ", item == null ? "" : item.location());
    if (item != null) {
      answer.field("AJ", item.title());
    }
    if (alert) {
      answer.field("CV", "01").field("AF", "Hold for another patron: please see staff");
    }
    if (!ok) {
      answer.field("AF", refusal);
    }
    return answer.build();
  }

  /** 64: patron status, language, date, six counts, AO AA AE BL CQ AU... AF. */
  private Sip2Message patronInformation(Sip2Message request) {
    String card = request.field("AA").orElse("");
    Patron patron = patrons.get(card);
    List<String> charged = new ArrayList<>();
    loans.forEach(
        (itemId, loan) -> {
          if (loan.card().equals(card)) {
            charged.add(itemId);
          }
        });
    charged.sort(String::compareTo);
    boolean blocked = patron != null && patron.blocked();
    Sip2Message.Builder answer =
        Sip2Message.builder(Sip2Command.PATRON_INFORMATION_RESPONSE)
            .fixed(blocked ? "YY" + " ".repeat(12) : " ".repeat(14))
            .fixed("000")
            .fixed(dates.now())
            .fixed("0000")
            .fixed("0000")
            .fixed(String.format("%04d", charged.size()))
            .fixed("0000")
            .fixed("0000")
            .fixed("0000")
            .field("AO", institutionId)
            .field("AA", card)
            .field("AE", patron == null ? "" : patron.name())
            .field("BL", patron == null ? "N" : "Y");
    if (patron != null && request.field("AD").isPresent()) {
      answer.field("CQ", pinMatches(request, patron) ? "Y" : "N");
    }
    boolean listCharged = request.fixedFields().charAt(21 + 2) == 'Y';
    if (patron != null && listCharged) {
      charged.forEach(itemId -> answer.field("AU", itemId));
    }
    if (patron == null) {
      answer.field("AF", "Unknown patron");
    } else if (blocked) {
      answer.field("AF", "Patron blocked");
    }
    return answer.build();
  }

  /** 18: circulation status, security marker, fee type, date, AH AB AJ AQ AF. */
  private Sip2Message itemInformation(Sip2Message request) {
    String itemId = request.field("AB").orElse("");
    Item item = items.get(itemId);
    if (item == null) {
      return Sip2Message.builder(Sip2Command.ITEM_INFORMATION_RESPONSE)
          .fixed("01")
          .fixed("00")
          .fixed("01")
          .fixed(dates.now())
          .field("AB", itemId)
          .field("AJ", "")
          .field("AF", "Unknown item")
          .build();
    }
    Loan loan = loans.get(itemId);
    Sip2Message.Builder answer =
        Sip2Message.builder(Sip2Command.ITEM_INFORMATION_RESPONSE)
            .fixed(loan != null ? "04" : item.holdWaiting() ? "08" : "03")
            .fixed("01")
            .fixed("01")
            .fixed(dates.now());
    if (loan != null) {
      answer.field("AH", dueDate(loan.due()));
    }
    return answer
        .field("AB", itemId)
        .field("AJ", item.title())
        .field("AQ", item.location())
        .build();
  }

  private Sip2Message endSession(Sip2Message request) {
    return Sip2Message.builder(Sip2Command.END_SESSION_RESPONSE)
        .fixed("Y")
        .fixed(dates.now())
        .field("AO", institutionId)
        .field("AA", request.field("AA").orElse(""))
        .build();
  }

  private static boolean pinMatches(Sip2Message request, Patron patron) {
    return request.field("AD").map(pin -> pin.equals(patron.pin())).orElse(true);
  }

  private LocalDate today() {
    return dates.instant().atZone(zone).toLocalDate();
  }

  private static String dueDate(LocalDate due) {
    return String.format(
        "%04d%02d%02d    235959", due.getYear(), due.getMonthValue(), due.getDayOfMonth());
  }
}
