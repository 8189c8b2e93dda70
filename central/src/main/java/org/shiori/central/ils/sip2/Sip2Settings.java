package org.shiori.central.ils.sip2;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * How to reach and talk to one SIP2 ILS server. Immutable; checked on construction, where a bad
 * value throws {@link Sip2SettingsException} naming the setting, the value and what is allowed
 * (passwords are never shown).
 *
 * @param host the ILS's SIP2 host name or address
 * @param port its SIP2 port
 * @param tls true to speak TLS
 * @param connectTimeout how long to wait for a TCP (and TLS) connection
 * @param readTimeout how long to wait for each answer
 * @param poolSize how many logged-in connections to keep
 * @param messageTerminator CR or CRLF
 * @param fieldDelimiter the variable-field delimiter, '|' by default
 * @param charset UTF-8, Shift_JIS or IBM850
 * @param institutionId the AO institution id
 * @param locationCode the CP location code sent at login and the AP current location of returns
 * @param loginUser the CN login user id; empty to send no login (93)
 * @param loginPassword the CO login password
 * @param terminalPassword the AC terminal password, empty when the ILS wants none
 * @param timeZone the zone of the 18-character dates
 * @param errorDetection send and require AY sequence numbers and AZ checksums
 * @param maxResendAttempts how often to ask for a resend of a corrupted answer
 * @param maxMessageBytes the longest answer accepted
 * @param languageCode the 3-digit SIP2 language of patron information requests ("000" unknown)
 */
public record Sip2Settings(
    String host,
    int port,
    boolean tls,
    Duration connectTimeout,
    Duration readTimeout,
    int poolSize,
    Sip2Terminator messageTerminator,
    char fieldDelimiter,
    Charset charset,
    String institutionId,
    String locationCode,
    String loginUser,
    String loginPassword,
    String terminalPassword,
    ZoneId timeZone,
    boolean errorDetection,
    int maxResendAttempts,
    int maxMessageBytes,
    String languageCode) {

  /** The character sets an ILS may speak. */
  public static final List<Charset> ALLOWED_CHARSETS =
      List.of(StandardCharsets.UTF_8, Charset.forName("Shift_JIS"), Charset.forName("IBM850"));

  private static final Duration LONGEST_TIMEOUT = Duration.ofMinutes(5);
  private static final int MAX_POOL_SIZE = 32;

  public Sip2Settings {
    notBlank("host", host);
    if (port < 1 || port > 65535) {
      throw invalid("port", String.valueOf(port), "1 to 65535");
    }
    timeout("connectTimeout", connectTimeout);
    timeout("readTimeout", readTimeout);
    if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
      throw invalid("poolSize", String.valueOf(poolSize), "1 to " + MAX_POOL_SIZE);
    }
    if (messageTerminator == null) {
      throw invalid("messageTerminator", "null", "CR or CRLF");
    }
    if (fieldDelimiter < 0x21
        || fieldDelimiter > 0x7E
        || Character.isLetterOrDigit(fieldDelimiter)) {
      throw invalid(
          "fieldDelimiter",
          "U+" + String.format("%04X", (int) fieldDelimiter),
          "one printable ASCII character that is not a letter or digit, '|' by default");
    }
    if (charset == null || !ALLOWED_CHARSETS.contains(charset)) {
      throw invalid("charset", String.valueOf(charset), "UTF-8, Shift_JIS or IBM850");
    }
    notBlank("institutionId", institutionId);
    fieldText("institutionId", institutionId, fieldDelimiter, true);
    fieldText("locationCode", locationCode, fieldDelimiter, true);
    fieldText("loginUser", loginUser, fieldDelimiter, true);
    fieldText("loginPassword", loginPassword, fieldDelimiter, false);
    fieldText("terminalPassword", terminalPassword, fieldDelimiter, false);
    if (timeZone == null) {
      throw invalid("timeZone", "null", "a time zone such as Asia/Tokyo");
    }
    if (maxResendAttempts < 0 || maxResendAttempts > 9) {
      throw invalid("maxResendAttempts", String.valueOf(maxResendAttempts), "0 to 9");
    }
    if (maxMessageBytes < 256 || maxMessageBytes > 1024 * 1024) {
      throw invalid("maxMessageBytes", String.valueOf(maxMessageBytes), "256 to 1048576 bytes");
    }
    if (languageCode == null || !languageCode.matches("[0-9]{3}")) {
      throw invalid("languageCode", String.valueOf(languageCode), "3 digits, \"000\" for unknown");
    }
  }

  /** Settings with the defaults: port 6001, no TLS, pool of 2, CR, '|', UTF-8, Asia/Tokyo. */
  public static Builder builder() {
    return new Builder();
  }

  /** A copy of these settings to change a few of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.tls = tls;
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.poolSize = poolSize;
    b.messageTerminator = messageTerminator;
    b.fieldDelimiter = fieldDelimiter;
    b.charset = charset;
    b.institutionId = institutionId;
    b.locationCode = locationCode;
    b.loginUser = loginUser;
    b.loginPassword = loginPassword;
    b.terminalPassword = terminalPassword;
    b.timeZone = timeZone;
    b.errorDetection = errorDetection;
    b.maxResendAttempts = maxResendAttempts;
    b.maxMessageBytes = maxMessageBytes;
    b.languageCode = languageCode;
    return b;
  }

  /** Shows every setting but the passwords. */
  @Override
  public String toString() {
    return "Sip2Settings[host="
        + host
        + ", port="
        + port
        + ", tls="
        + tls
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", poolSize="
        + poolSize
        + ", messageTerminator="
        + messageTerminator
        + ", fieldDelimiter="
        + fieldDelimiter
        + ", charset="
        + charset
        + ", institutionId="
        + institutionId
        + ", locationCode="
        + locationCode
        + ", loginUser="
        + loginUser
        + ", loginPassword=(hidden), terminalPassword=(hidden), timeZone="
        + timeZone
        + ", errorDetection="
        + errorDetection
        + ", maxResendAttempts="
        + maxResendAttempts
        + ", maxMessageBytes="
        + maxMessageBytes
        + ", languageCode="
        + languageCode
        + "]";
  }

  private static void notBlank(String name, String value) {
    if (value == null || value.isBlank()) {
      throw invalid(name, value == null ? "null" : "\"" + value + "\"", "a non-empty text");
    }
  }

  private static void timeout(String name, Duration value) {
    if (value == null
        || value.isNegative()
        || value.isZero()
        || value.compareTo(LONGEST_TIMEOUT) > 0) {
      throw invalid(name, String.valueOf(value), "more than zero and at most " + LONGEST_TIMEOUT);
    }
  }

  private static void fieldText(String name, String value, char delimiter, boolean showValue) {
    String shown = showValue && value != null ? "\"" + value + "\"" : "(hidden)";
    if (value == null) {
      throw invalid(name, "null", "a text, empty when not used");
    }
    if (value.indexOf(delimiter) >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw invalid(
          name, shown, "a text without the field delimiter '" + delimiter + "', CR or LF");
    }
  }

  private static Sip2SettingsException invalid(String name, String shownValue, String allowed) {
    return new Sip2SettingsException(name, shownValue, allowed);
  }

  /** Builds {@link Sip2Settings}; every value starts at its default. */
  public static final class Builder {
    private String host;
    private int port = 6001;
    private boolean tls;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(10);
    private int poolSize = 2;
    private Sip2Terminator messageTerminator = Sip2Terminator.CR;
    private char fieldDelimiter = '|';
    private Charset charset = StandardCharsets.UTF_8;
    private String institutionId;
    private String locationCode = "";
    private String loginUser = "";
    private String loginPassword = "";
    private String terminalPassword = "";
    private ZoneId timeZone = ZoneId.of("Asia/Tokyo");
    private boolean errorDetection = true;
    private int maxResendAttempts = 3;
    private int maxMessageBytes = 64 * 1024;
    private String languageCode = "000";

    private Builder() {}

    public Builder host(String value) {
      host = value;
      return this;
    }

    public Builder port(int value) {
      port = value;
      return this;
    }

    public Builder tls(boolean value) {
      tls = value;
      return this;
    }

    public Builder connectTimeout(Duration value) {
      connectTimeout = value;
      return this;
    }

    public Builder readTimeout(Duration value) {
      readTimeout = value;
      return this;
    }

    public Builder poolSize(int value) {
      poolSize = value;
      return this;
    }

    public Builder messageTerminator(Sip2Terminator value) {
      messageTerminator = value;
      return this;
    }

    public Builder fieldDelimiter(char value) {
      fieldDelimiter = value;
      return this;
    }

    public Builder charset(Charset value) {
      charset = value;
      return this;
    }

    public Builder institutionId(String value) {
      institutionId = value;
      return this;
    }

    public Builder locationCode(String value) {
      locationCode = value;
      return this;
    }

    public Builder login(String user, String password) {
      loginUser = user;
      loginPassword = password;
      return this;
    }

    public Builder terminalPassword(String value) {
      terminalPassword = value;
      return this;
    }

    public Builder timeZone(ZoneId value) {
      timeZone = value;
      return this;
    }

    public Builder errorDetection(boolean value) {
      errorDetection = value;
      return this;
    }

    public Builder maxResendAttempts(int value) {
      maxResendAttempts = value;
      return this;
    }

    public Builder maxMessageBytes(int value) {
      maxMessageBytes = value;
      return this;
    }

    public Builder languageCode(String value) {
      languageCode = value;
      return this;
    }

    public Sip2Settings build() {
      return new Sip2Settings(
          host,
          port,
          tls,
          connectTimeout,
          readTimeout,
          poolSize,
          messageTerminator,
          fieldDelimiter,
          charset,
          institutionId,
          locationCode,
          loginUser,
          loginPassword,
          terminalPassword,
          timeZone,
          errorDetection,
          maxResendAttempts,
          maxMessageBytes,
          languageCode);
    }
  }
}
