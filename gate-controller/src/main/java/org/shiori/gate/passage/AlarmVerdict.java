package org.shiori.gate.passage;

/**
 * The decision for one tag.
 *
 * @param alarm whether the gate alarms
 * @param mismatch whether the tag's state and the item database disagree (cross-check only)
 */
public record AlarmVerdict(boolean alarm, boolean mismatch) {
  public static final AlarmVerdict PASS = new AlarmVerdict(false, false);
}
