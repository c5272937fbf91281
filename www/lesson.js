// The guided lesson (lesson=1, step=k): its steps are data (lesson-steps.js).
// A step sets up the page through the core (App.applySettings), points at
// what to look at, and may ask for a prediction before it reveals. Every
// number the student reads is the core's, in the figures and readouts the
// step points at. Leaving the lesson keeps the state.
import { STEPS } from "./lesson-steps.js";

const $ = (id) => document.getElementById(id);

/**
 * Wires the lesson panel. `page` gives what main.js owns: showScene(key),
 * syncControls(), changed({ urlNow }), and reportError(message).
 */
export function wireLesson(app, page) {
  const panel = $("lesson");
  if (!panel) return;
  const [back, next, leave, skip] = ["lesson-back", "lesson-next", "lesson-leave", "lesson-skip"].map($);
  const choices = $("lesson-choices");
  const reveal = $("lesson-reveal");
  let shown = 0; // the step on screen, from 1; 0 when the lesson is closed

  const stepNow = () => Math.min(Math.max(app.presentation()[4], 1), STEPS.length);

  function apply(queries) {
    for (const query of queries) {
      try {
        app.applySettings(query);
      } catch (err) {
        page.reportError(`Lesson step ${shown}: ${err && err.message ? err.message : err}`);
      }
    }
  }

  function look(selector) {
    for (const el of document.querySelectorAll(".lesson-look")) el.classList.remove("lesson-look");
    if (!selector) return;
    const scene = document.querySelector(`.scene[data-scene="${app.scene()}"]`);
    const target = (scene && scene.querySelector(selector)) || document.querySelector(selector);
    if (!target) return;
    target.classList.add("lesson-look");
    target.scrollIntoView({ block: "nearest", behavior: "auto" });
  }

  function render(k) {
    const step = STEPS[k - 1];
    shown = k;
    panel.hidden = false;
    document.documentElement.classList.add("lesson-open");
    $("lesson-count").textContent = `Step ${k} of ${STEPS.length}`;
    $("lesson-claim").textContent = step.claim;
    $("lesson-text").textContent = step.text;
    const asks = Boolean(step.predict);
    $("lesson-predict").hidden = !asks;
    reveal.hidden = true;
    reveal.textContent = "";
    if (asks) {
      $("lesson-question").textContent = step.predict.question;
      choices.replaceChildren(...step.predict.choices.map((label, i) => {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = label;
        button.addEventListener("click", () => revealAnswer(i));
        return button;
      }));
      skip.disabled = false;
    }
    back.disabled = k === 1;
    next.textContent = k === STEPS.length ? "Finish" : "Next →";
    look(step.look);
  }

  /** Shows step `step.reveal` after choice `chosen` (null: skipped). */
  function revealAnswer(chosen) {
    const step = STEPS[shown - 1];
    const { answer, choices: labels } = step.predict;
    for (const [i, button] of [...choices.children].entries()) {
      button.disabled = true;
      if (i === chosen) button.setAttribute("aria-pressed", "true");
      if (i === answer) button.classList.add("lesson-answer");
    }
    skip.disabled = true;
    if (step.revealSet) {
      apply(step.revealSet);
      page.syncControls();
      page.changed({ urlNow: true });
    }
    const verdict = chosen === null ? `The answer: “${labels[answer]}”. `
      : chosen === answer ? "Right. " : `Not quite: the answer is “${labels[answer]}”. `;
    reveal.textContent = verdict + step.reveal;
    reveal.hidden = false;
    look(step.revealLook || step.look);
    reveal.scrollIntoView({ block: "nearest" });
  }

  /** Goes to step `k`: the page as steps 1…k set it up (a step always looks the same). */
  function go(k) {
    app.set("lesson", true);
    app.set("step", k);
    shown = k;
    for (const step of STEPS.slice(0, k)) apply(step.set);
    page.showScene(app.scene());
    page.syncControls();
    page.changed({ urlNow: true });
    render(k);
  }

  function close() {
    app.set("lesson", false);
    app.set("step", 1);
    shown = 0;
    panel.hidden = true;
    document.documentElement.classList.remove("lesson-open");
    look(null);
    page.changed({ urlNow: true });
  }

  back.addEventListener("click", () => shown > 1 && go(shown - 1));
  next.addEventListener("click", () => (shown < STEPS.length ? go(shown + 1) : close()));
  leave.addEventListener("click", close);
  skip.addEventListener("click", () => revealAnswer(null));
  const start = $("lesson-start");
  if (start) start.addEventListener("click", () => go(1));

  // ← → (and a clicker's PageUp, PageDown and space) step through the lesson, unless
  // a figure or a control has the keys.
  document.addEventListener("keydown", (e) => {
    if (!shown || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target;
    const owned = target.closest && target.closest(".plot, input, select, textarea, dialog");
    if (owned) return;
    const onButton = target.closest && target.closest("button, a, summary");
    const forward = e.key === "ArrowRight" || e.key === "PageDown" || (e.key === " " && !onButton);
    if (forward && shown < STEPS.length) { e.preventDefault(); go(shown + 1); }
    if ((e.key === "ArrowLeft" || e.key === "PageUp") && shown > 1) { e.preventDefault(); go(shown - 1); }
  });

  // A link to a lesson step: alone (lesson=1&step=k) it sets the step up;
  // with the rest of a state, that state is what the teacher saw and stays.
  if (app.presentation()[3] === 1) {
    const keys = [...new URLSearchParams(window.location.search).keys()];
    if (keys.every((k) => k === "lesson" || k === "step")) go(stepNow());
    else render(stepNow());
  }
}
