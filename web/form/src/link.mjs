// The form opened with a one-time link (`/form/#link=<token>`, made by `gawahi links create`) in
// any browser: there is no Telegram chat, so nothing may offer contact in the bot.

/**
 * The questionnaire (questionnaire.yaml as JSON) without its options of contact in the bot
 * (`contact_in_bot: true`, Questionnaire.asksContactInBot): opened with a link there is no chat
 * to write back to. The rest is as served.
 */
export function withoutBotContact(tree) {
  return {
    ...tree,
    sections: tree.sections.map((s) => ({
      ...s,
      questions: s.questions.map((q) => (Array.isArray(q.options)
        ? { ...q, options: q.options.filter((o) => o.contact_in_bot !== true) } : q)),
    })),
  };
}
