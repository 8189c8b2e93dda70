package org.shiori.kiosk.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.shiori.kiosk.receipt.ReceiptPrinter;
import org.shiori.kiosk.text.PatronTexts;

/**
 * What the patron screen shows and does beside the session.
 *
 * @param texts the language files
 * @param clock the device clock (today's hours, receipt date)
 * @param hoursOn the library's opening hours on a day, e.g. {@code 09:00-19:00}; empty when closed
 * @param readerAnswering whether the pad's reader answers
 * @param unreadableTags how many tags lie on the pad that could not be read
 * @param helpRequested raises the staff event when a patron presses the help button
 * @param printer the receipt printer; empty when the kiosk has none
 * @param staff the staff status screen's access and content
 */
public record PatronScreenParts(
    PatronTexts texts,
    Clock clock,
    Function<LocalDate, Optional<String>> hoursOn,
    BooleanSupplier readerAnswering,
    IntSupplier unreadableTags,
    Runnable helpRequested,
    Optional<ReceiptPrinter> printer,
    StaffAccess staff) {}
