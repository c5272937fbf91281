// The guided lesson (lesson=1), as data: one entry per step, in order.
// Teachers edit this file to change, add or reorder steps (see the README,
// "The guided lesson"). Each step:
//   claim    which claim of DESIGN.md it shows (T1…T12), for the step's label
//   set      URL keys to apply, in order (each string is applied on its own, so
//            a later one can act on what an earlier one changed, e.g. draws after b)
//   look     a CSS selector of what to look at: it is outlined and scrolled to
//   text     what to look at, in one or two sentences
//   predict  optional: { question, choices: [...], answer: index of the right choice }
//   reveal   shown after a choice or Skip (a prediction never blocks)
//   revealSet  optional: URL keys applied when the answer is revealed
// Numbers are never written here: the figures and readouts the step points
// at are computed by the core from the state the step sets.
export const STEPS = [
  {
    claim: "T1",
    set: ["scene=one-point&n=12&a=1.5&c=0.5&noise=0.5&xmin=-1&xmax=2&seed=7&theta=0,0&picture=true&order=random"],
    look: "#param-plot",
    text: "The coloured map is the cost C(θ): one height for every line you could draw, that is for every slope θ₀ and intercept θ₁ on its axes. The examples are not places on this map; they are the points in the small figure beside it.",
  },
  {
    claim: "T2",
    set: [],
    look: "#param-plot",
    text: "Each thin arrow is the gradient of one example's loss, and every one of them starts at the same white dot: the current θ. Drag the dot and they all move together.",
  },
  {
    claim: "T3",
    set: [],
    look: "#param-plot",
    text: "Twelve examples, twelve arrows, disagreeing.",
    predict: {
      question: "Which way does the mean of the twelve arrows point?",
      choices: ["Downhill on the map, across the contour lines", "Along the longest thin arrow", "Nowhere: they cancel out"],
      answer: 0,
    },
    reveal: "The bold arrow is their mean, and it points downhill: it is the gradient of C. The dashed arrow, ∇C computed on its own from five sums of the data, lies on top of it, and the readout “difference between the two” is 0 up to rounding. The derivative of a mean is the mean of the derivatives.",
    revealLook: "#readout-gap",
  },
  {
    claim: "T12",
    set: ["picture=mistaken"],
    look: "#param-plot",
    text: "This is the picture people often have in mind: each example's arrow at a place of its own. Averaging those would mean little, and no training step computes them. Every gradient a step averages is taken at the one current θ, so the objection does not apply.",
  },
  {
    claim: "T9",
    set: ["picture=true&sel=4"],
    look: "#example-info",
    text: "Example 5 is highlighted in both figures. Its gradient is −2rᵢ·(xᵢ, 1): always along (xᵢ, 1), with its length and sign set by the residual rᵢ, the vertical segment in the data figure. Its numbers are in the box.",
  },
  {
    claim: "T4",
    set: ["scene=surfaces&k=1&loss=mse&panels=0,1,2,3&sel=0"],
    look: "#surf-panels-plot",
    text: "Each panel is one example's own loss Lᵢ(θ), drawn over the same θ plane and in the same colours as C. The big map below shows only the first of them so far.",
    predict: {
      question: "Where is one example's loss lowest?",
      choices: ["At a single point, like C", "Along a whole line of θs", "Nowhere: it keeps falling"],
      answer: 1,
    },
    reveal: "Along a whole line, the dashed one: any line through the example's point fits it perfectly, whatever its slope. Only the mean of these valleys has a single lowest point. The big map now adds up all the surfaces, and the readout shows its largest gap to C: 0 up to rounding.",
    revealSet: ["k=12"],
    revealLook: "#surf-readout-gap",
  },
  {
    claim: "T5",
    set: ["scene=estimator&n=100&theta=0,0&mode=with-replacement&order=random&b=4", "draws=1000"],
    look: "#est-param-plot",
    text: "Training usually averages only a mini-batch. Each dot here is one batch's averaged gradient: B = 4 examples picked at random, a thousand times over.",
    predict: {
      question: "Where is the cloud of 1,000 estimates centred?",
      choices: ["On ∇C, the tip of the dashed arrow", "Off to one side: small batches are biased", "Nowhere in particular: it is noise"],
      answer: 0,
    },
    reveal: "On ∇C: every example is equally likely to be picked, so each estimate averages to the true gradient. The bias test in the readouts compares the cloud's mean with ∇C, ± 2 standard errors.",
    revealLook: "#est-readout-bias",
  },
  {
    claim: "T5",
    set: [],
    look: "#est-readout-measured",
    text: "The readout “spread tr Cov(ĝ), measured” is the cloud's total variance at B = 4.",
    predict: {
      question: "B goes from 4 to 16. By how much will that total variance shrink?",
      choices: ["2×", "4×", "16×"],
      answer: 1,
    },
    reveal: "About 4×: the variance of a mean of B independent picks is Σ/B, so four times the examples give a quarter of the variance (and half the spread in each direction). Compare the measured readout with the theory under it, and the chart below, where the spread falls like 1/B.",
    revealSet: ["b=16", "draws=1000"],
    revealLook: "#est-spread-plot",
  },
  {
    claim: "T6",
    set: ["order=sorted-x&mode=sequential&b=10", "draws=10"],
    look: "#est-pass",
    text: "Now the data are sorted by x, and each batch takes the next 10 examples in that order, without shuffling.",
    predict: {
      question: "Is each batch's estimate still unbiased?",
      choices: ["Yes, every batch is a fair sample", "No: each batch is biased, though a whole pass averages out", "No, and a whole pass is biased too"],
      answer: 1,
    },
    reveal: "Each batch holds neighbouring examples whose gradients pull the same way, so each is biased (the readouts list how far, position by position). Over a whole pass every example is used once, and the pass averages to ∇C exactly. Shuffling makes every batch a fair sample again.",
    revealLook: "#est-caption-param",
  },
  {
    claim: "T5",
    set: ["scene=training&order=random&b=4&lr=0.1&epochs=20&decay=none&at=20&xaxis=epochs"],
    look: "#train-loss-plot",
    text: "Four runs start from the same θ with the same learning rate: full-batch GD, mini-batches, SGD and sequential batches. The noisy runs wander because each step uses an estimate; the loss chart shows what each got for its compute (switch the x-axis to gradient evaluations).",
  },
  {
    claim: "T6",
    set: ["order=sorted-x"],
    look: "#train-caption-loss",
    text: "With the data sorted, the sequential run's steps are biased the way scene 2 showed. The caption says, from what each run did, how close each one got.",
  },
  {
    claim: "T8",
    set: ["scene=average-first&part=inputs&order=random&n=12&theta=0,0&surface=cost"],
    look: "#avg-param-plot",
    text: "A shortcut: average the examples first, (x̄, ȳ), and take one gradient there instead of N.",
    predict: {
      question: "Will the shortcut's gradient match ∇C?",
      choices: ["Yes, both parts", "Only its intercept part", "Neither part"],
      answer: 1,
    },
    reveal: "Only the intercept part: the intercept derivative of every example is −2rᵢ, and averaging those averages the errors. The slope part carries each example's own xᵢ, and the mean of xᵢ·rᵢ is not x̄ times the mean error; the two agree only on the least-squares slope (the dashed line).",
    revealLook: "#avg-readout-gap",
  },
  {
    claim: "T10",
    set: ["part=linear-cost"],
    look: "#avg-param-plot",
    text: "If the loss were the signed error itself, the cost would be a plane: the same gradient everywhere, so averaging first would be exact. It would also be useless: a plane has no lowest point, and the descent drawn here never stops.",
  },
  {
    claim: "T7",
    set: ["part=max-cost"],
    look: "#avg-param-plot",
    text: "A cost that takes the worst example instead of the mean: at each θ its gradient belongs to that one example, not to all of them. The argument needs the cost to be a mean, or a sum.",
  },
  {
    claim: "T11",
    set: ["part=network"],
    look: "#avg-param-plot",
    text: "A tiny network with one hidden layer of tanh units. The shortcut: average the output error ŷ − y over the examples, then back-propagate it once.",
    predict: {
      question: "Which parameter's gradient does that shortcut get right?",
      choices: ["All of them", "Only the output bias b₂", "The output weights w₂ and b₂", "None"],
      answer: 1,
    },
    reveal: "Only b₂: its gradient is the error itself, the same for every example. Every other parameter multiplies the error by something of each example's own (its hidden activations, tanh's slope at its own input, its x), and a mean of products is not a product of means. The table says which are exact and why.",
    revealLook: ".net-table",
  },
  {
    claim: "T3",
    set: [],
    look: "#avg-mean-loss",
    text: "What you may average first is the losses: take every example's loss, their mean, and back-propagate once, what loss.mean().backward() does. That is exactly ∇C, checked live here, and it is why gradient descent averages the per-example gradients.",
  },
];
