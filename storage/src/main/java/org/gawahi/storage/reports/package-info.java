/**
 * Disclosure control for the collective's aggregate reports (research §7): functions from
 * counts to what may be printed, with no I/O but the sealed {@link DisclosureHistory}.
 *
 * <p>What leaves through here:
 * <ul>
 *   <li>No printed count is below its threshold, except zero ({@link SuppressionRules},
 *       {@link Suppressor}); the thresholds cannot be configured below 3.</li>
 *   <li>No suppressed count or total can be worked out from the printed counts and totals of
 *       its table, by one subtraction or by many ({@link Suppressor}).</li>
 *   <li>Every withheld count can still take a range at least its threshold wide given every
 *       printed figure and the history, found by linear programming ({@link IntervalAudit}).</li>
 *   <li>No printed count differs from one published before (the {@link DisclosureHistory},
 *       sealed) by fewer testimonies than its threshold; a report refuses when the history does
 *       not open in full.</li>
 *   <li>No sensitive count that is all or none of a group under
 *       {@link SuppressionRules#minimumGroup()}.</li>
 *   <li>What was suppressed in an earlier report of the same period stays suppressed, given
 *       its {@link PublishedTable#suppressedKeys()} (imports: reports made elsewhere).</li>
 *   <li>No share on fewer than 20 reports, or whose numerator could not be printed
 *       ({@link Percentages}).</li>
 * </ul>
 * Counting ({@link Reporting}, {@link ApprovedTestimonies}) opens approved testimonies whose
 * authors allowed totals, counts each indicator of the questionnaire's {@code indicators.yaml}
 * by area and period (raids once per event, person-level shares on first-hand testimonies
 * only), and returns a {@link Report} built only of published tables and shares. Coarsening:
 * a district gets its own row (in the raids-reported table only) where it had 3 raids and
 * 10 testimonies in the period and the period ended a quarter ago; else the state.
 *
 * <p>Not covered: links between different tables of the same report (a state's denominator
 * of one share and the district rows of the raids count can overlap).
 */
package org.gawahi.storage.reports;
