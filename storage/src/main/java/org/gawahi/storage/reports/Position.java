package org.gawahi.storage.reports;

/** An entry of a table with its margins, by index; the suppression code's coordinates. */
record Position(int row, int column) {
}
