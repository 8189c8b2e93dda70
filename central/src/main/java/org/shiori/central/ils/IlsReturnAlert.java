package org.shiori.central.ils;

/** Why a returned item must go to staff instead of the shelf. */
public enum IlsReturnAlert {
  HOLD_FOR_LOCAL_PATRON,
  HOLD_FOR_REMOTE_PATRON,
  TRANSIT_TO_ANOTHER_LIBRARY,
  TRANSIT_TO_ANOTHER_BRANCH,
  OTHER
}
