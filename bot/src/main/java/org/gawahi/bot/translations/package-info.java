/**
 * Translation review: the questionnaire's and the reports' message files of one language
 * as a spreadsheet a reviewer fills in ({@link org.gawahi.bot.translations.ReviewWorkbook}),
 * and the reviewer's versions checked and written back into the YAML
 * ({@link org.gawahi.bot.translations.TranslationImport}).
 */
package org.gawahi.bot.translations;
