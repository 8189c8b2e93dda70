package org.shiori.device.store;

/**
 * The file system under the database is full (SQLITE_FULL). The call was rolled back: nothing
 * half-written, everything committed earlier intact. The kiosk must refuse the transaction and a
 * technician must free space; the store works again as soon as there is room.
 */
public class StorageFullException extends StoreException {
  public StorageFullException(String message, Throwable cause) {
    super(message, cause);
  }
}
