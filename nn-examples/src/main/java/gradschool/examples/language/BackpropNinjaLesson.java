package gradschool.examples.language;

import gradschool.autograd.Variable;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import gradschool.data.CharVocabulary;
import gradschool.data.Names;
import gradschool.data.OneHot;
import gradschool.data.TensorDataset;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * "Becoming a backprop ninja" (makemore, part 4): the MLP language model with BatchNorm, its
 * backward pass written by hand tensor by tensor, each gradient compared with autograd's, then
 * trained with the hand-written backward pass alone.
 *
 * <pre>
 * model     context of 3 characters → 10-d embedding C → Linear(30, hidden) W1, b1
 *           → BatchNorm (written out as its pieces, Bessel-corrected variance) bngain, bnbias
 *           → tanh → Linear(hidden, 27) W2, b2 → cross-entropy (written out as its pieces)
 * check     hidden = {@value #CHECK_HIDDEN} (4,137 parameters), one batch of 32 from the training names
 * training  hidden = {@value #TRAIN_HIDDEN} (12,297 parameters), {@value #TRAIN_STEPS} steps of batch 32,
 *           SGD with learning rate 0.1, then 0.01 from step {@value #DECAY_STEP}; no autograd at all
 * </pre>
 *
 * <p>The forward pass is broken into the lecture's small steps, each a variable whose gradient
 * autograd keeps ({@link Variable#retainGrad()}):
 * <pre>
 * emb = C[Xb]  embcat  hprebn = embcat·W1 + b1
 * bnmeani  bndiff  bndiff2  bnvar = Σ bndiff2 / (n − 1)  bnvar_inv = (bnvar + 1e-5)^−½  bnraw
 * hpreact = bngain·bnraw + bnbias   h = tanh(hpreact)   logits = h·W2 + b2
 * logit_maxes  norm_logits  counts = exp  counts_sum  counts_sum_inv = counts_sum^−1  probs  logprobs
 * loss = −mean of logprobs at the targets
 * </pre>
 * Then every gradient, from {@code dlogprobs} back to {@code dC}, is computed with plain
 * {@link Tensor} arithmetic ({@link #handBackward}) and compared with autograd's: the lesson prints
 * the largest absolute difference per tensor, all within {@value #TOLERANCE} in double precision.
 * The lecture's two shortcuts follow: cross-entropy's backward in one line
 * ({@code dlogits = (softmax(logits) − onehot(Yb)) / n}) and BatchNorm's in one formula.
 *
 * <p>The lecture's numbers (float32, its own random numbers): the check prints exact or
 * approximately-equal gradients (differences up to 9e-10 for the fused BatchNorm); training with
 * hidden 200 for 200,000 steps reaches train 2.0705, dev 2.1099 (its text says it once got train
 * 2.0719, dev 2.1162). This lesson, in double precision from its own seed: every step-by-step
 * gradient equal to autograd's bit for bit, the fused ones within 2e-17; train 2.0697, dev 2.1105,
 * with about 130 s of CPU time for the 200,000 steps. Smoke mode trains {@value #SMOKE_STEPS} steps.
 */
public final class BackpropNinjaLesson implements Lesson {

    /** How many previous characters the model sees. */
    static final int BLOCK_SIZE = 3;
    /** The size of a character's embedding vector. */
    static final int EMBEDDING = 10;
    /** The hidden layer of the gradient check (the lecture's exercises 1-3). */
    static final int CHECK_HIDDEN = 64;
    /** The hidden layer of the training run (the lecture's exercise 4). */
    static final int TRAIN_HIDDEN = 200;
    /** Examples per batch. */
    static final int BATCH_SIZE = 32;
    /** Steps of the full training run. */
    static final int TRAIN_STEPS = 200_000;
    /** The step from which the learning rate is 0.01 instead of 0.1. */
    static final int DECAY_STEP = 100_000;
    /** Steps of the smoke training run. */
    static final int SMOKE_STEPS = 1_000;
    /** The largest difference between a hand-written and an autograd gradient that counts as equal. */
    static final double TOLERANCE = 1e-9;
    /** The seed of the lecture's generator, {@code torch.Generator().manual_seed(2147483647)}. */
    static final long SEED = 2147483647L;
    /** BatchNorm's ε. */
    static final double EPS = 1e-5;

    private static final int VOCABULARY = CharVocabulary.LETTERS.size();

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new BackpropNinjaLesson());
    }

    @Override
    public String name() {
        return "backprop-ninja";
    }

    @Override
    public String description() {
        return "makemore part 4: the MLP+BatchNorm's backward pass by hand, tensor by tensor, checked against autograd, then trained with it";
    }

    @Override
    public List<String> dataFiles() {
        return List.of("names/names-train.txt", "names/names-dev.txt", "names/names-test.txt");
    }

    /**
     * The model's parameters, named and shaped as in the lecture ({@code W1} is (in, out): the
     * forward pass is {@code embcat·W1 + b1}).
     *
     * @param C the embedding table, (27, 10)
     * @param W1 the hidden layer's weight, (30, hidden)
     * @param b1 the hidden layer's bias, (hidden,)
     * @param W2 the output layer's weight, (hidden, 27)
     * @param b2 the output layer's bias, (27,)
     * @param bngain BatchNorm's γ, (1, hidden)
     * @param bnbias BatchNorm's β, (1, hidden)
     */
    record Weights(Tensor C, Tensor W1, Tensor b1, Tensor W2, Tensor b2, Tensor bngain, Tensor bnbias) {

        /**
         * Draws the lecture's initialisation from one generator: C ~ N(0, 1); W1 ~ N(0, 1)·(5/3)/√30
         * (Kaiming for tanh); b1, W2, b2 ~ N(0, 1)·0.1; γ ~ 1 + N(0, 1)·0.1, β ~ N(0, 1)·0.1 — "non-standard
         * ways", as the lecture says, because zeros could hide a wrong backward pass.
         */
        static Weights initial(int hidden, Random random) {
            int in = BLOCK_SIZE * EMBEDDING;
            return new Weights(
                    Tensor.randn(random, VOCABULARY, EMBEDDING),
                    Tensor.randn(random, in, hidden).mul(5.0 / 3.0 / Math.sqrt(in)),
                    Tensor.randn(random, hidden).mul(0.1),
                    Tensor.randn(random, hidden, VOCABULARY).mul(0.1),
                    Tensor.randn(random, VOCABULARY).mul(0.1),
                    Tensor.randn(random, 1, hidden).mul(0.1).add(1.0),
                    Tensor.randn(random, 1, hidden).mul(0.1));
        }

        /** Returns the parameters in the lecture's order, C first. */
        List<Tensor> all() {
            return List.of(C, W1, b1, W2, b2, bngain, bnbias);
        }

        /** Returns the number of learnable numbers. */
        int count() {
            return all().stream().mapToInt(Tensor::size).sum();
        }
    }

    /**
     * One row of the comparison table: a tensor's name, its hand-written gradient and autograd's.
     *
     * @param name the lecture's name of the tensor
     * @param hand the gradient computed by hand
     * @param autograd the gradient autograd computed
     */
    record Comparison(String name, Tensor hand, Tensor autograd) {

        /** Returns the largest |hand − autograd|, or infinity if the shapes differ. */
        double maxDifference() {
            return hand.shape().equals(autograd.shape())
                    ? hand.sub(autograd).abs().max().item() : Double.POSITIVE_INFINITY;
        }

        /** Tells whether the shapes agree and the values agree within {@link #TOLERANCE}. */
        boolean ok() {
            return maxDifference() <= TOLERANCE;
        }
    }

    /**
     * The forward pass in the lecture's small steps, on variables that keep their gradients.
     * Field names are the lecture's, in camel case.
     */
    static final class Forward {
        final Variable C;
        final Variable W1;
        final Variable b1;
        final Variable W2;
        final Variable b2;
        final Variable bngain;
        final Variable bnbias;
        final int[] xb;
        final Tensor yb;
        final int n;
        final Variable emb;
        final Variable embcat;
        final Variable hprebn;
        final Variable bnmeani;
        final Variable bndiff;
        final Variable bndiff2;
        final Variable bnvar;
        final Variable bnvarInv;
        final Variable bnraw;
        final Variable hpreact;
        final Variable h;
        final Variable logits;
        final Variable logitMaxes;
        final Variable normLogits;
        final Variable counts;
        final Variable countsSum;
        final Variable countsSumInv;
        final Variable probs;
        final Variable logprobs;
        final Variable loss;

        /**
         * Runs the forward pass on a batch.
         *
         * @param weights the parameters (copied into leaf variables)
         * @param xb the batch's contexts, row by row: {@code n·3} character indices
         * @param yb the batch's next characters, (n,)
         */
        Forward(Weights weights, int[] xb, Tensor yb) {
            this.xb = xb;
            this.yb = yb;
            n = yb.size();
            C = leaf(weights.C(), "C");
            W1 = leaf(weights.W1(), "W1");
            b1 = leaf(weights.b1(), "b1");
            W2 = leaf(weights.W2(), "W2");
            b2 = leaf(weights.b2(), "b2");
            bngain = leaf(weights.bngain(), "bngain");
            bnbias = leaf(weights.bnbias(), "bnbias");

            emb = kept(C.indexSelect(xb).reshape(n, BLOCK_SIZE, EMBEDDING), "emb");   // C[Xb]: (n, 3, 10)
            embcat = kept(emb.reshape(n, BLOCK_SIZE * EMBEDDING), "embcat");           // concatenated: (n, 30)
            // Linear layer 1
            hprebn = kept(embcat.matmul(W1).add(b1), "hprebn");                         // (n, hidden)
            // BatchNorm, piece by piece
            bnmeani = kept(hprebn.sum(0, true).mul(1.0 / n), "bnmeani");                // (1, hidden)
            bndiff = kept(hprebn.sub(bnmeani), "bndiff");
            bndiff2 = kept(bndiff.pow(2), "bndiff2");
            bnvar = kept(bndiff2.sum(0, true).mul(1.0 / (n - 1)), "bnvar");             // Bessel: n − 1
            bnvarInv = kept(bnvar.add(EPS).pow(-0.5), "bnvar_inv");
            bnraw = kept(bndiff.mul(bnvarInv), "bnraw");
            hpreact = kept(bngain.mul(bnraw).add(bnbias), "hpreact");
            // Non-linearity
            h = kept(hpreact.tanh(), "h");
            // Linear layer 2
            logits = kept(h.matmul(W2).add(b2), "logits");                              // (n, 27)
            // Cross-entropy, piece by piece
            logitMaxes = kept(logits.max(1, true), "logit_maxes");                      // (n, 1)
            normLogits = kept(logits.sub(logitMaxes), "norm_logits");                   // subtract the max: no overflow
            counts = kept(normLogits.exp(), "counts");
            countsSum = kept(counts.sum(1, true), "counts_sum");
            countsSumInv = kept(countsSum.pow(-1), "counts_sum_inv");
            probs = kept(counts.mul(countsSumInv), "probs");
            logprobs = kept(probs.log(), "logprobs");
            // −logprobs[range(n), Yb].mean(): the one-hot mask picks each row's target
            loss = logprobs.mul(Variable.constant(OneHot.encode(yb, VOCABULARY))).sum().mul(-1.0 / n).named("loss");
        }

        private static Variable leaf(Tensor value, String name) {
            return Variable.requiringGrad(value.copy()).named(name);
        }

        private static Variable kept(Variable v, String name) {
            return v.named(name).retainGrad();
        }
    }

    /**
     * The lecture's exercise 1: every gradient of the forward pass by hand, from the loss back to the
     * embedding table, with plain tensors (no autograd), in the order they are computed.
     *
     * @param f the forward pass (only its values are read)
     * @return the comparisons with autograd's gradients, which must already be computed
     */
    static List<Comparison> handBackward(Forward f) {
        int n = f.n;
        Tensor logprobs = f.logprobs.value();
        Tensor probs = f.probs.value();
        Tensor counts = f.counts.value();
        Tensor countsSum = f.countsSum.value();
        Tensor countsSumInv = f.countsSumInv.value();
        Tensor logits = f.logits.value();
        Tensor h = f.h.value();
        Tensor bnraw = f.bnraw.value();
        Tensor bnvar = f.bnvar.value();
        Tensor bnvarInv = f.bnvarInv.value();
        Tensor bndiff = f.bndiff.value();
        Tensor embcat = f.embcat.value();
        Tensor W1 = f.W1.value();
        Tensor W2 = f.W2.value();
        Tensor bngain = f.bngain.value();

        // loss = −(1/n) Σ_i logprobs[i, Yb[i]]: only the targets' log-probabilities matter, each with −1/n
        Tensor dlogprobs = OneHot.encode(f.yb, VOCABULARY).mul(-1.0 / n);
        // logprobs = log(probs): d/dp log p = 1/p
        Tensor dprobs = probs.pow(-1).mul(dlogprobs);
        // probs = counts · counts_sum_inv, the (n, 1) column broadcast across the row: its gradient sums the row
        Tensor dcountsSumInv = counts.mul(dprobs).sum(1, true);
        Tensor dcounts = countsSumInv.mul(dprobs);
        // counts_sum_inv = counts_sum^−1: derivative −counts_sum^−2
        Tensor dcountsSum = countsSum.pow(-2).neg().mul(dcountsSumInv);
        // counts_sum = Σ_j counts[i, j]: every count of the row gets the row's gradient (the second branch into counts)
        dcounts = dcounts.add(Tensor.ones(counts.shape()).mul(dcountsSum));
        // counts = exp(norm_logits): the derivative of exp is exp itself
        Tensor dnormLogits = counts.mul(dcounts);
        // norm_logits = logits − logit_maxes: logits pass it on; the max column gets minus the row sum
        Tensor dlogits = dnormLogits.copy();
        Tensor dlogitMaxes = dnormLogits.neg().sum(1, true);
        // logit_maxes = max_j logits[i, j]: the gradient goes to the position of each row's maximum
        dlogits = dlogits.add(OneHot.encode(logits.argmax(1), VOCABULARY).mul(dlogitMaxes));
        // logits = h·W2 + b2
        Tensor dh = dlogits.matmul(W2.transpose());
        Tensor dW2 = h.transpose().matmul(dlogits);
        Tensor db2 = dlogits.sum(0, false);
        // h = tanh(hpreact): 1 − tanh²
        Tensor dhpreact = h.pow(2).neg().add(1.0).mul(dh);
        // hpreact = bngain · bnraw + bnbias, γ and β (1, hidden) broadcast down the batch: sum over it
        Tensor dbngain = bnraw.mul(dhpreact).sum(0, true);
        Tensor dbnraw = bngain.mul(dhpreact);
        Tensor dbnbias = dhpreact.sum(0, true);
        // bnraw = bndiff · bnvar_inv
        Tensor dbndiff = bnvarInv.mul(dbnraw);
        Tensor dbnvarInv = bndiff.mul(dbnraw).sum(0, true);
        // bnvar_inv = (bnvar + ε)^−½: derivative −½(bnvar + ε)^−³ᐟ²
        Tensor dbnvar = bnvar.add(EPS).pow(-1.5).mul(-0.5).mul(dbnvarInv);
        // bnvar = Σ_i bndiff2[i] / (n − 1): each row gets 1/(n − 1) of it
        Tensor dbndiff2 = Tensor.ones(bndiff.shape()).mul(1.0 / (n - 1)).mul(dbnvar);
        // bndiff2 = bndiff²: the second branch into bndiff
        dbndiff = dbndiff.add(bndiff.mul(2.0).mul(dbndiff2));
        // bndiff = hprebn − bnmeani
        Tensor dhprebn = dbndiff.copy();
        Tensor dbnmeani = dbndiff.neg().sum(0, true);
        // bnmeani = Σ_i hprebn[i] / n: the second branch into hprebn
        dhprebn = dhprebn.add(Tensor.ones(dhprebn.shape()).mul(dbnmeani).mul(1.0 / n));
        // hprebn = embcat·W1 + b1
        Tensor dembcat = dhprebn.matmul(W1.transpose());
        Tensor dW1 = embcat.transpose().matmul(dhprebn);
        Tensor db1 = dhprebn.sum(0, false);
        // embcat is emb viewed as (n, 30): its gradient is viewed back
        Tensor demb = dembcat.reshape(f.emb.shape());
        // emb = C[Xb]: each looked-up row sends its gradient back to the row of C it came from (+=: letters repeat)
        Tensor dC = Tensor.zeros(f.C.shape());
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < BLOCK_SIZE; j++) {
                int ix = f.xb[k * BLOCK_SIZE + j];
                dC.select(0, ix).addInPlace(demb.select(0, k).select(0, j));
            }
        }

        List<Comparison> rows = new ArrayList<>();
        rows.add(new Comparison("logprobs", dlogprobs, f.logprobs.grad()));
        rows.add(new Comparison("probs", dprobs, f.probs.grad()));
        rows.add(new Comparison("counts_sum_inv", dcountsSumInv, f.countsSumInv.grad()));
        rows.add(new Comparison("counts_sum", dcountsSum, f.countsSum.grad()));
        rows.add(new Comparison("counts", dcounts, f.counts.grad()));
        rows.add(new Comparison("norm_logits", dnormLogits, f.normLogits.grad()));
        rows.add(new Comparison("logit_maxes", dlogitMaxes, f.logitMaxes.grad()));
        rows.add(new Comparison("logits", dlogits, f.logits.grad()));
        rows.add(new Comparison("h", dh, f.h.grad()));
        rows.add(new Comparison("W2", dW2, f.W2.grad()));
        rows.add(new Comparison("b2", db2, f.b2.grad()));
        rows.add(new Comparison("hpreact", dhpreact, f.hpreact.grad()));
        rows.add(new Comparison("bngain", dbngain, f.bngain.grad()));
        rows.add(new Comparison("bnbias", dbnbias, f.bnbias.grad()));
        rows.add(new Comparison("bnraw", dbnraw, f.bnraw.grad()));
        rows.add(new Comparison("bnvar_inv", dbnvarInv, f.bnvarInv.grad()));
        rows.add(new Comparison("bnvar", dbnvar, f.bnvar.grad()));
        rows.add(new Comparison("bndiff2", dbndiff2, f.bndiff2.grad()));
        rows.add(new Comparison("bndiff", dbndiff, f.bndiff.grad()));
        rows.add(new Comparison("bnmeani", dbnmeani, f.bnmeani.grad()));
        rows.add(new Comparison("hprebn", dhprebn, f.hprebn.grad()));
        rows.add(new Comparison("embcat", dembcat, f.embcat.grad()));
        rows.add(new Comparison("W1", dW1, f.W1.grad()));
        rows.add(new Comparison("b1", db1, f.b1.grad()));
        rows.add(new Comparison("emb", demb, f.emb.grad()));
        rows.add(new Comparison("C", dC, f.C.grad()));
        return rows;
    }

    /**
     * The lecture's exercise 2: cross-entropy's backward pass in one line. With
     * {@code loss = −(1/n) Σ_i log softmax(logits_i)[y_i]}, the derivative with respect to
     * {@code logits[i, j]} is {@code (softmax(logits_i)[j] − [j = y_i]) / n}.
     *
     * @param logits (n, 27)
     * @param oneHotTargets (n, 27), a 1 at each row's target
     * @return dloss/dlogits, (n, 27)
     */
    static Tensor crossEntropyBackward(Tensor logits, Tensor oneHotTargets) {
        return logits.softmax(1).sub(oneHotTargets).div(logits.dim(0));
    }

    /**
     * The lecture's exercise 3: BatchNorm's backward pass in one formula. With {@code bnraw} the
     * normalized input (Bessel-corrected variance) and {@code dhpreact} the gradient at the output,
     * <pre>
     * dhprebn = γ·bnvar_inv/n · (n·dhpreact − Σ_i dhpreact − n/(n−1)·bnraw·Σ_i (dhpreact·bnraw))
     * </pre>
     * (sums over the batch, per hidden unit).
     *
     * @param bngain γ, (1, hidden)
     * @param bnvarInv (σ² + ε)^−½, (1, hidden)
     * @param bnraw the normalized input, (n, hidden)
     * @param dhpreact the gradient at the layer's output, (n, hidden)
     * @return the gradient at the layer's input, (n, hidden)
     */
    static Tensor batchNormBackward(Tensor bngain, Tensor bnvarInv, Tensor bnraw, Tensor dhpreact) {
        int n = dhpreact.dim(0);
        Tensor inner = dhpreact.mul(n)
                .sub(dhpreact.sum(0, true))
                .sub(bnraw.mul(dhpreact.mul(bnraw).sum(0, true)).mul(n / (n - 1.0)));
        return bngain.mul(bnvarInv).div(n).mul(inner);
    }

    @Override
    public void run(LessonContext context) throws Exception {
        PrintStream out = context.out();
        Names.Split split = Names.readSplit(context.data("names"));
        TensorDataset train = Names.contextWindows(split.train(), CharVocabulary.LETTERS, BLOCK_SIZE);
        TensorDataset dev = Names.contextWindows(split.dev(), CharVocabulary.LETTERS, BLOCK_SIZE);
        out.printf("%,d training and %,d dev examples (context %d)%n", train.size(), dev.size(), BLOCK_SIZE);

        // ---- exercise 1: the whole backward pass by hand, one tensor at a time
        Random random = new Random(SEED);
        Weights weights = Weights.initial(CHECK_HIDDEN, random);
        out.printf("%nThe gradient check: hidden %d, %,d parameters (the lecture: 4,137), one batch of %d%n",
                CHECK_HIDDEN, weights.count(), BATCH_SIZE);
        Batch batch = Batch.draw(train, BATCH_SIZE, random);
        Forward f = new Forward(weights, batch.contexts(), batch.targets());
        f.loss.backward();
        out.printf("loss %.6f (the lecture's: 3.3377, from its own random numbers)%n", f.loss.item());
        List<Comparison> rows = new ArrayList<>(handBackward(f));

        // ---- exercise 2: cross-entropy's backward in one line
        Tensor logits = f.logits.value();
        Tensor oneHot = OneHot.encode(f.yb, VOCABULARY);
        double fastLoss = logits.logSoftmax(1).mul(oneHot).sum().item() / -f.n;
        rows.add(new Comparison("logits (fused)", crossEntropyBackward(logits, oneHot), f.logits.grad()));

        // ---- exercise 3: BatchNorm's backward in one formula
        Tensor hprebn = f.hprebn.value();
        int n = f.n;
        Tensor unbiasedVariance = hprebn.variance(0, true).mul(n / (n - 1.0));
        Tensor hpreactFast = f.bngain.value().mul(hprebn.sub(hprebn.mean(0, true)))
                .div(unbiasedVariance.add(EPS).sqrt()).add(f.bnbias.value());
        rows.add(new Comparison("hprebn (fused)", batchNormBackward(f.bngain.value(), f.bnvarInv.value(),
                f.bnraw.value(), f.hpreact.grad()), f.hprebn.grad()));

        out.println();
        out.println("tensor          | shape      | max |hand - autograd| | ok");
        boolean allOk = true;
        for (Comparison row : rows) {
            out.printf("%-15s | %-10s | %21.3e | %s%n", row.name(), row.hand().shape().toString(),
                    row.maxDifference(), row.ok() ? "ok" : "DIFFERENT");
            allOk &= row.ok();
        }
        out.printf("cross-entropy in one call: loss %.6f, difference from the step-by-step loss %.3e%n",
                fastLoss, Math.abs(fastLoss - f.loss.item()));
        out.printf("BatchNorm in one expression: max difference from the step-by-step hpreact %.3e%n",
                hpreactFast.sub(f.hpreact.value()).abs().max().item());
        out.println(allOk ? "Every hand-written gradient equals autograd's within " + TOLERANCE + "."
                : "Some hand-written gradients differ from autograd's!");

        // ---- exercise 4: train with the hand-written backward pass only
        train(context, train, dev);
    }

    /** Trains the lecture's exercise-4 model with the fused hand-written backward and prints the losses. */
    private static void train(LessonContext context, TensorDataset train, TensorDataset dev) {
        PrintStream out = context.out();
        int steps = context.smoke() ? SMOKE_STEPS : TRAIN_STEPS;
        int decayStep = context.smoke() ? SMOKE_STEPS / 2 : DECAY_STEP;
        int every = context.smoke() ? SMOKE_STEPS / 5 : 10_000;
        Random random = new Random(SEED);
        Weights w = Weights.initial(TRAIN_HIDDEN, random);
        out.printf("%nTraining with the hand-written backward pass (no autograd): hidden %d, %,d parameters "
                + "(the lecture: 12,297), %,d steps of batch %d, learning rate 0.1 then 0.01 from step %,d%n",
                TRAIN_HIDDEN, w.count(), steps, BATCH_SIZE, decayStep);
        int n = BATCH_SIZE;
        long start = System.nanoTime();
        double cpuStart = CpuTime.seconds();
        for (int step = 0; step < steps; step++) {
            Batch batch = Batch.draw(train, n, random);
            // forward, in the lecture's compact form
            Tensor embcat = w.C().indexSelect(batch.contexts()).reshape(n, BLOCK_SIZE * EMBEDDING);
            Tensor hprebn = embcat.matmul(w.W1()).add(w.b1());
            Tensor bnmean = hprebn.mean(0, true);
            Tensor bnvar = hprebn.variance(0, true).mul(n / (n - 1.0));
            Tensor bnvarInv = bnvar.add(EPS).pow(-0.5);
            Tensor bnraw = hprebn.sub(bnmean).mul(bnvarInv);
            Tensor hpreact = w.bngain().mul(bnraw).add(w.bnbias());
            Tensor h = hpreact.tanh();
            Tensor logits = h.matmul(w.W2()).add(w.b2());
            Tensor oneHot = OneHot.encode(batch.targets(), VOCABULARY);

            // backward, by hand
            Tensor dlogits = crossEntropyBackward(logits, oneHot);
            Tensor dh = dlogits.matmul(w.W2().transpose());
            Tensor dW2 = h.transpose().matmul(dlogits);
            Tensor db2 = dlogits.sum(0, false);
            Tensor dhpreact = h.mul(h).neg().add(1.0).mul(dh);
            Tensor dbngain = bnraw.mul(dhpreact).sum(0, true);
            Tensor dbnbias = dhpreact.sum(0, true);
            Tensor dhprebn = batchNormBackward(w.bngain(), bnvarInv, bnraw, dhpreact);
            Tensor dembcat = dhprebn.matmul(w.W1().transpose());
            Tensor dW1 = embcat.transpose().matmul(dhprebn);
            Tensor db1 = dhprebn.sum(0, false);
            Tensor dC = embeddingBackward(batch.contexts(), dembcat, w.C().shape());

            // update: p −= lr·dp, in place
            double learningRate = step < decayStep ? 0.1 : 0.01;
            List<Tensor> grads = List.of(dC, dW1, db1, dW2, db2, dbngain, dbnbias);
            List<Tensor> parameters = w.all();
            for (int i = 0; i < grads.size(); i++) {
                parameters.get(i).addScaledInPlace(-learningRate, grads.get(i));
            }
            if (step % every == 0) {
                double loss = logits.logSoftmax(1).mul(oneHot).sum().item() / -n;
                out.printf("step %7d/%d: batch loss %.4f  (%.0f s, CPU %.0f s)%n", step, steps, loss,
                        (System.nanoTime() - start) / 1e9, CpuTime.seconds() - cpuStart);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = CpuTime.seconds() - cpuStart;

        // calibrate BatchNorm: the mean and (Bessel-corrected) variance over the whole training set
        Tensor trainPre = preactivation(w, train.inputs());
        Tensor mean = trainPre.mean(0, true);
        int rows = trainPre.dim(0);
        Tensor variance = trainPre.variance(0, true).mul(rows / (rows - 1.0));
        double trainLoss = splitLoss(w, trainPre, train.targets(), mean, variance);
        double devLoss = splitLoss(w, preactivation(w, dev.inputs()), dev.targets(), mean, variance);
        out.printf("%,d steps in %.1f s (%.0f steps/s); CPU time %.1f s, all threads%n", steps, seconds,
                steps / seconds, cpu);
        out.printf("train loss %.4f, dev loss %.4f (the lecture after 200,000 steps: train 2.0705, dev 2.1099)%n",
                trainLoss, devLoss);
    }

    /**
     * The embedding's backward pass: row {@code j} of each example's {@code dembcat} (the gradient of
     * its {@code j}-th character's embedding) is added into the row of {@code dC} of that character.
     */
    static Tensor embeddingBackward(int[] contexts, Tensor dembcat, Shape tableShape) {
        Tensor demb = dembcat.reshape(contexts.length, EMBEDDING);   // one row per looked-up character
        Tensor dC = Tensor.zeros(tableShape);
        for (int row = 0; row < contexts.length; row++) {
            dC.select(0, contexts[row]).addInPlace(demb.select(0, row));
        }
        return dC;
    }

    /** hprebn for a whole split: embcat·W1 + b1. */
    private static Tensor preactivation(Weights w, Tensor inputs) {
        int[] indices = Batch.indices(inputs);
        return w.C().indexSelect(indices).reshape(inputs.dim(0), BLOCK_SIZE * EMBEDDING).matmul(w.W1()).add(w.b1());
    }

    /** The mean cross-entropy of a split, normalizing with the calibrated statistics. */
    private static double splitLoss(Weights w, Tensor hprebn, Tensor targets, Tensor mean, Tensor variance) {
        Tensor hpreact = w.bngain().mul(hprebn.sub(mean)).mul(variance.add(EPS).pow(-0.5)).add(w.bnbias());
        Tensor logits = hpreact.tanh().matmul(w.W2()).add(w.b2());
        return logits.logSoftmax(1).mul(OneHot.encode(targets, VOCABULARY)).sum().item() / -targets.size();
    }

    /**
     * A random batch of examples, drawn with replacement as {@code torch.randint} draws them.
     *
     * @param contexts the contexts, row by row: {@code size·3} character indices
     * @param targets the next characters, (size,)
     */
    record Batch(int[] contexts, Tensor targets) {

        /** Draws {@code size} examples uniformly, with replacement. */
        static Batch draw(TensorDataset data, int size, Random random) {
            int[] rows = new int[size];
            for (int i = 0; i < size; i++) {
                rows[i] = random.nextInt(data.size());
            }
            return new Batch(indices(data.inputs().indexSelect(rows)), data.targets().indexSelect(rows));
        }

        /** Turns a tensor of character indices (stored as doubles) into ints, row by row. */
        static int[] indices(Tensor characters) {
            double[] values = characters.toDoubleArray();
            int[] result = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                result[i] = (int) values[i];
            }
            return result;
        }
    }
}
