package gradschool.examples.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Tensor;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitGridTest {

    @TempDir
    Path output;

    /** Three 2×2 images: ink only at the top-left, only at the bottom-right, and none. */
    private static final Tensor IMAGES = Tensor.of(new double[][] {{16, 0, 0, 0}, {0, 0, 0, 16}, {0, 0, 0, 0}});

    @Test
    void drawsEachPixelAsAGreySquareInkDarkOnWhite() {
        BufferedImage picture = DigitGrid.render(IMAGES, Tensor.of(new double[] {1, 2, 3}),
                Tensor.of(new double[] {1, 2, 3}), 2);
        int scale = DigitGrid.IMAGE_PIXELS / 2;          // 56 screen pixels per image pixel
        int cellWidth = 2 * scale + 12;                  // image plus padding on both sides
        assertThat(picture.getWidth()).isEqualTo(2 * cellWidth);
        assertThat(picture.getHeight()).isGreaterThan(2 * 2 * scale);   // two rows, with captions

        // Image 0 (top-left cell): its top-left pixel is full ink, its top-right pixel blank paper.
        assertThat(new Color(picture.getRGB(6 + scale / 2, 6 + scale / 2))).isEqualTo(Color.BLACK);
        assertThat(new Color(picture.getRGB(6 + scale + scale / 2, 6 + scale / 2))).isEqualTo(Color.WHITE);
        // Image 1 (top-right cell): ink at the bottom-right.
        assertThat(new Color(picture.getRGB(cellWidth + 6 + scale + scale / 2, 6 + scale + scale / 2)))
                .isEqualTo(Color.BLACK);
    }

    @Test
    void captionsAreGreenWhenRightAndRedWhenWrong() throws Exception {
        Path file = output.resolve("grid.png");
        DigitGrid.write(IMAGES, Tensor.of(new double[] {1, 5, 3}), Tensor.of(new double[] {1, 2, 3}), 3, file);
        BufferedImage picture = ImageIO.read(file.toFile());
        assertThat(picture).isNotNull();
        int cellWidth = picture.getWidth() / 3;
        assertThat(captionHas(picture, 0, cellWidth, Tone.GREEN)).isTrue();
        assertThat(captionHas(picture, 0, cellWidth, Tone.RED)).isFalse();
        assertThat(captionHas(picture, 1, cellWidth, Tone.RED)).isTrue();
        assertThat(captionHas(picture, 1, cellWidth, Tone.GREEN)).isFalse();
    }

    private enum Tone { GREEN, RED }

    /** Looks for a strongly green or red pixel in the caption band (below the image) of one cell. */
    private static boolean captionHas(BufferedImage picture, int cell, int cellWidth, Tone tone) {
        for (int y = 6 + DigitGrid.IMAGE_PIXELS; y < picture.getHeight(); y++) {
            for (int x = cell * cellWidth; x < (cell + 1) * cellWidth; x++) {
                Color c = new Color(picture.getRGB(x, y));
                boolean green = c.getGreen() > c.getRed() + 60 && c.getGreen() > c.getBlue() + 40;
                boolean red = c.getRed() > c.getGreen() + 100 && c.getRed() > c.getBlue() + 100;
                if (tone == Tone.GREEN ? green : red) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void rejectsImagesThatAreNotSquareAndLabelsThatDoNotMatch() {
        Tensor labels = Tensor.of(new double[] {1, 2, 3});
        assertThatThrownBy(() -> DigitGrid.render(Tensor.zeros(3, 5), labels, labels, 2))
                .hasMessageContaining("5 pixels per image is not a square");
        assertThatThrownBy(() -> DigitGrid.render(IMAGES, Tensor.of(new double[] {1, 2}), labels, 2))
                .hasMessageContaining("3 images need predicted and actual labels");
        assertThatThrownBy(() -> DigitGrid.render(IMAGES, labels, labels, 0))
                .hasMessageContaining("columns must be at least 1");
    }
}
