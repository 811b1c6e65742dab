// Drives the form's engine with the steps of a parity script: the bot's button data ("a:q5:night",
// "n:q3:skip", "r:review:submit"...) or "type <text>", as the Java Conversation presses them. A step
// that is not possible on the screen now fails, as it fails in Java (only shown buttons are pressed).
import { Engine } from "../src/engine.mjs";

/** @returns {{ testimony: string|null, urgent: boolean, contactInBot: boolean, ended: string|null }} */
export function drive(tree, texts, language, today, steps) {
  const engine = new Engine(tree, texts, language, today);
  let testimony = null;
  let ended = null;
  let urgent = false;
  let contactInBot = false;
  for (const step of steps) {
    if (ended) throw new Error(`step ${step} after the form ended (${ended})`);
    const outcome = apply(engine, step, () => {
      testimony = engine.testimonyJson();
      urgent = engine.isUrgent();
      contactInBot = engine.asksContactInBot();
      return { kind: "submitted" };
    });
    if (outcome === null || outcome === undefined) {
      throw new Error(`step ${step} is not possible on the screen now (${engine.stage} ${engine.current})`);
    }
    if (outcome.kind !== "show") ended = outcome.kind;
  }
  return { testimony, urgent, contactInBot, ended };
}

function apply(engine, step, submit) {
  if (step.startsWith("type ")) return engine.type(step.slice(5));
  const [kind, context, argument] = step.split(":");
  const onQuestion = () => engine.stage === "question" && engine.current === context;
  switch (kind) {
    case "l": return engine.stage === "language" && argument === engine.language ? engine.begin() : null;
    case "a": return onQuestion() ? engine.choose(argument) : null;
    case "d": return onQuestion() ? engine.done() : null;
    case "y": return onQuestion() && engine.pendingYear === null ? engine.year(Number(argument)) : null;
    case "m": return onQuestion() && engine.pendingYear !== null ? engine.month(Number(argument)) : null;
    case "n":
      if (!onQuestion()) return null;
      return { skip: () => engine.skip(), dk: () => engine.dontKnow(), back: () => engine.back(),
        erase: () => engine.erase(), continue: () => engine.proceed() }[argument]?.() ?? null;
    case "r":
      if (engine.stage !== "review") return null;
      return { submit, change: () => engine.change(), back: () => engine.back(), erase: () => engine.erase() }[argument]?.() ?? null;
    case "e": return engine.edit(argument);
    case "x": return argument === "yes" ? engine.confirmErase() : engine.keepAnswers();
    default: return null;
  }
}
