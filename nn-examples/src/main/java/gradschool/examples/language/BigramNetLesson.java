package gradschool.examples.language;

import gradschool.autograd.GradMode;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import gradschool.data.CharVocabulary;
import gradschool.data.Names;
import gradschool.data.OneHot;
import gradschool.data.TensorDataset;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import gradschool.nn.CrossEntropyLoss;
import gradschool.nn.Parameter;
import gradschool.optim.SGD;
import java.io.PrintStream;
import java.util.List;
import java.util.Random;

/**
 * The second half of the first makemore lecture: the bigram model again, but as a one-layer neural
 * network trained by gradient descent — and it lands where counting landed.
 *
 * <pre>
 * data      every bigram (x, y) of all 32,033 names: xs and ys, 228,146 of each
 * model     logits = one_hot(xs) @ W with W (27, 27) ~ randn (seed 2147483647); probs = softmax(logits)
 * loss      −mean ln probs[i, ys[i]]  +  0.01·mean(W²)        (the regularizer plays the role of +1 smoothing)
 * training  full batch, W -= 50·∇W, {@value #STEPS} steps ({@value #SMOKE_STEPS} in the smoke run)
 * </pre>
 *
 * <p>{@code one_hot(xs) @ W} just picks row {@code xs[i]} of W for example i, so the lesson computes
 * it as {@code W.indexSelect(xs)} (an embedding lookup) after checking on the first bigrams that both
 * give the same logits; the one-hot matrix of all 228,146 examples would cost 27 times the work. The
 * softmax and the mean negative log-likelihood are {@link CrossEntropyLoss}. At the end it prints the
 * loss without the regularizer over all names, beside the counts model's 2.4546 (the lecture stops at
 * about 2.48 after 100 steps), and how far the net's probabilities are from the smoothed counts.
 */
public final class BigramNetLesson implements Lesson {

    /** Gradient-descent steps of the full run. */
    static final int STEPS = 300;
    /** Steps of the smoke run. */
    static final int SMOKE_STEPS = 12;
    /** The lecture's learning rate. */
    static final double LEARNING_RATE = 50;
    /** The lecture's regularization strength: {@code 0.01·(W**2).mean()}. */
    static final double REGULARIZATION = 0.01;

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new BigramNetLesson());
    }

    @Override
    public String name() {
        return "bigram-net";
    }

    @Override
    public String description() {
        return "makemore 1: the bigram model as one linear layer trained by gradient descent, converging to the counts";
    }

    @Override
    public List<String> dataFiles() {
        return new BigramCountsLesson().dataFiles();
    }

    @Override
    public void run(LessonContext context) throws Exception {
        PrintStream out = context.out();
        long start = System.nanoTime();
        List<String> words = Names.read(context.data("names/names.txt"));
        TensorDataset bigrams = Names.contextWindows(words, CharVocabulary.LETTERS, 1);   // (x → y) pairs
        int[] xs = LanguageModels.indices(bigrams.inputs());
        Tensor ys = bigrams.targets();
        out.printf("%,d bigrams (xs, ys) from %,d names%n", xs.length, words.size());

        Random g = new Random(BigramCountsLesson.SEED);
        Parameter weights = new Parameter(Tensor.randn(g, 27, 27)).named("W");
        out.printf("W: (27, 27) from randn, %d parameters%n", weights.size());

        // xenc @ W with xenc = one_hot(xs) picks row xs[i] of W: check it on the first five bigrams.
        int[] firstFive = {xs[0], xs[1], xs[2], xs[3], xs[4]};
        Tensor xenc = OneHot.encode(Tensor.of(new double[] {xs[0], xs[1], xs[2], xs[3], xs[4]}), 27);
        boolean same = xenc.matmul(weights.value()).allClose(weights.value().indexSelect(firstFive), 0, 1e-12);
        out.println("one_hot(xs[:5]) @ W equals W's rows xs[:5]: " + same);

        CrossEntropyLoss crossEntropy = new CrossEntropyLoss();   // softmax, then −mean ln p[ys]
        SGD optimizer = new SGD(List.of(weights), LEARNING_RATE);
        int steps = context.smoke() ? SMOKE_STEPS : STEPS;
        int every = context.smoke() ? 3 : 25;
        for (int k = 0; k <= steps; k++) {
            Variable logits = weights.indexSelect(xs);                       // forward: (228146, 27)
            Variable dataLoss = crossEntropy.forward(logits, ys);
            Variable loss = dataLoss.add(weights.pow(2).mean().mul(REGULARIZATION));
            if (k % every == 0) {
                out.printf("step %4d: loss %.4f (data %.4f)%n", k, loss.item(), dataLoss.item());
            }
            if (k == steps) {
                break;
            }
            optimizer.zeroGrad();                                           // backward
            loss.backward();
            optimizer.step();                                               // update: W -= 50·∇W
        }

        double all = meanNll(weights.value(), xs, ys);
        out.printf("after %d steps: loss without the regularizer over all names %.4f   (counts model: %.4f;"
                + " lecture: about 2.48 after 100 steps)%n", steps, all, BigramCountsLesson.LECTURE_LOSS);
        Tensor counted = BigramCountsLesson.probabilities(BigramCountsLesson.countBigrams(words), 1);
        double largest = weights.value().softmax(1).sub(counted).abs().max().item();
        out.printf("softmax(W) against the smoothed counts P: largest difference %.4f%n", largest);

        Names.Split split = Names.readSplit(context.data("names"));
        out.printf("train loss %.4f, dev loss %.4f on the lectures' split (trained on all names, as in the"
                        + " lecture, so dev is not held out here; counts model over all names: %.4f)%n",
                splitLoss(weights.value(), split.train()), splitLoss(weights.value(), split.dev()),
                BigramCountsLesson.LECTURE_LOSS);
        out.printf("time %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** The mean negative log-likelihood of the bigram net W on the pairs (xs, ys), without gradients. */
    static double meanNll(Tensor weights, int[] xs, Tensor ys) {
        try (GradMode.Scope noGrad = GradMode.off()) {
            return new CrossEntropyLoss().forward(Variable.of(weights.indexSelect(xs)), ys).item();
        }
    }

    private static double splitLoss(Tensor weights, List<String> names) {
        TensorDataset pairs = Names.contextWindows(names, CharVocabulary.LETTERS, 1);
        return meanNll(weights, LanguageModels.indices(pairs.inputs()), pairs.targets());
    }
}
