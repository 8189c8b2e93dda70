package org.shiori.central.ils.sip2;

import org.shiori.central.ils.IlsUnavailableException;

/** Sends one SIP2 request and returns the answer, or says the ILS is unavailable. */
@FunctionalInterface
interface Sip2Exchange {
  /**
   * @param safeToRepeat true for a request that changes nothing (99, 63, 17, 35): it is sent again
   *     on a fresh connection when the first one breaks
   */
  Sip2Message exchange(Sip2Message request, boolean safeToRepeat) throws IlsUnavailableException;
}
