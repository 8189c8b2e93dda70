package org.shiori.device.store;

/**
 * What an erasure removed (P-ERASE-3, P-RIGHTS-1).
 *
 * @param patronRecords patron records erased (0 or 1)
 * @param localLoans local loan rows erased
 * @param holds holds erased (holds rows and item hold marks)
 * @param pendingTransactionsKept checkouts still waiting for central's acknowledgement: they are
 *     needed to tell central the items are lent, and are erased when acknowledged
 */
public record PatronErasure(
    int patronRecords, int localLoans, int holds, int pendingTransactionsKept) {}
