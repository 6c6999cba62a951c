package gradschool.examples.language;

import gradschool.core.Tensor;
import gradschool.data.CharVocabulary;
import gradschool.data.Names;
import gradschool.examples.Lesson;
import gradschool.examples.LessonContext;
import gradschool.examples.Lessons;
import gradschool.examples.plot.Charts;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * The first makemore lecture: a bigram language model made by counting. How often does each letter
 * follow each other letter in 32,033 names? Turn the counts into probabilities, sample names from
 * them, and measure how good the model is with the mean negative log-likelihood.
 *
 * <pre>
 * data      data/names/names.txt, every name (228,146 bigrams, '.' marking start and end)
 * model     N[i][j] = how often symbol j follows symbol i;   P = (N + 1) / row sums   (+1 smoothing)
 * loss      −(1/n) Σ ln P[x, y] over all bigrams (x, y): lecture 2.4546 (uniform guessing: ln 27 = 3.2958)
 * </pre>
 *
 * <p>It writes {@code bigram-counts.png}, the 27 × 27 count matrix as the lecture draws it, prints
 * five names sampled with the lecture's seed 2147483647 (Java's generator draws other numbers than
 * PyTorch's, so the names differ), and at the end the same model counted on the lectures' training
 * names only and measured on their training and dev names. Counting is fast, so the smoke run does
 * all of it too.
 */
public final class BigramCountsLesson implements Lesson {

    /** The lecture's loss over all names, with +1 smoothing. */
    static final double LECTURE_LOSS = 2.4546;
    /** The lecture's generator seed. */
    static final long SEED = 2147483647L;

    /**
     * Runs the lesson on its own.
     *
     * @param args ignored
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Lessons.runStandalone(new BigramCountsLesson());
    }

    @Override
    public String name() {
        return "bigram-counts";
    }

    @Override
    public String description() {
        return "makemore 1: a bigram model by counting letter pairs in 32,033 names, its picture, samples and loss";
    }

    @Override
    public List<String> dataFiles() {
        return List.of("names/names.txt", "names/names-train.txt", "names/names-dev.txt");
    }

    /**
     * Counts the bigrams: {@code N[i][j]} is how often symbol j follows symbol i, each name framed by
     * the start/end symbol {@code '.'} ({@code "emma"} gives .e em mm ma a.).
     *
     * @param names the names
     * @return the 27 × 27 counts
     */
    static int[][] countBigrams(List<String> names) {
        CharVocabulary letters = CharVocabulary.LETTERS;
        int[][] counts = new int[letters.size()][letters.size()];
        for (String name : names) {
            int previous = CharVocabulary.BOUNDARY_INDEX;
            for (int symbol : letters.encode(name)) {
                counts[previous][symbol]++;
                previous = symbol;
            }
            counts[previous][CharVocabulary.BOUNDARY_INDEX]++;
        }
        return counts;
    }

    /**
     * Turns counts into probabilities with add-k smoothing: {@code P = (N + k) / (N + k).sum(1, keepdims)}.
     *
     * @param counts the counts
     * @param smoothing the k added to every count (1 in the lecture), so that no bigram has probability 0
     * @return P, each row a distribution over the next symbol
     */
    static Tensor probabilities(int[][] counts, double smoothing) {
        double[][] rows = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            rows[i] = new double[counts[i].length];
            for (int j = 0; j < counts[i].length; j++) {
                rows[i][j] = counts[i][j];
            }
        }
        Tensor smoothed = Tensor.of(rows).add(smoothing);
        return smoothed.div(smoothed.sum(1, true));   // broadcasting (27, 27) / (27, 1): each row sums to 1
    }

    /**
     * The mean negative log-likelihood of the names' bigrams under P, with the count of bigrams.
     *
     * @param nll −(1/n) Σ ln P[x, y]
     * @param bigrams n
     */
    record Loss(double nll, long bigrams) {
    }

    /**
     * Measures P on names: {@code −(1/n) Σ ln P[x, y]} over every bigram (x, y) of every name.
     *
     * @param probabilities P
     * @param names the names
     * @return the mean negative log-likelihood and how many bigrams it averaged
     */
    static Loss meanNll(Tensor probabilities, List<String> names) {
        double[][] p = probabilities.to2DArray();
        double logLikelihood = 0;
        long n = 0;
        for (String name : names) {
            int previous = CharVocabulary.BOUNDARY_INDEX;
            for (int symbol : CharVocabulary.LETTERS.encode(name)) {
                logLikelihood += Math.log(p[previous][symbol]);
                previous = symbol;
                n++;
            }
            logLikelihood += Math.log(p[previous][CharVocabulary.BOUNDARY_INDEX]);
            n++;
        }
        return new Loss(-logLikelihood / n, n);
    }

    @Override
    public void run(LessonContext context) throws Exception {
        PrintStream out = context.out();
        List<String> words = Names.read(context.data("names/names.txt"));
        out.printf("%,d names, e.g. %s%n", words.size(), words.subList(0, 3));

        int[][] counts = countBigrams(words);
        out.printf("N[0][1] = %,d names start with 'a'; N[1][0] = %,d end with 'a'; N[17][17] = %d 'qq'%n",
                counts[0][1], counts[1][0], counts[17][17]);
        Path picture = context.output("bigram-counts.png");
        Charts.savePng(LetterPictures.countMatrix(counts, CharVocabulary.LETTERS), picture);
        out.println("wrote " + picture);

        Tensor p = probabilities(counts, 1);
        double[][] rows = p.to2DArray();
        Random g = new Random(SEED);
        out.print("five names sampled from P (seed " + SEED + "):");
        for (int i = 0; i < 5; i++) {
            out.print(" " + Sampling.name(g, bigram -> rows[bigram[0]], 1));
        }
        out.println();

        Loss all = meanNll(p, words);
        out.printf("%,d bigrams%n", all.bigrams());
        out.printf("mean negative log-likelihood over all names: %.4f   (lecture: %.4f; uniform ln 27 = %.4f)%n",
                all.nll(), LECTURE_LOSS, Math.log(CharVocabulary.LETTERS.size()));

        Names.Split split = Names.readSplit(context.data("names"));
        Tensor trainP = probabilities(countBigrams(split.train()), 1);
        Loss train = meanNll(trainP, split.train());
        Loss dev = meanNll(trainP, split.dev());
        out.printf("counted on the %,d training names only: train loss %.4f, dev loss %.4f"
                + "   (lecture: %.4f over all names; no split in part 1)%n",
                split.train().size(), train.nll(), dev.nll(), LECTURE_LOSS);
    }
}
