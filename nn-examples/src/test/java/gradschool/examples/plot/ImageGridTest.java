package gradschool.examples.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Tensor;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {

    @TempDir
    Path output;

    private static final int CELL_WIDTH = ImageGrid.CELL_PIXELS + 12;   // the cell plus padding on both sides

    @Test
    void scalesEachImageOnItsOwnAndLeavesNullCellsEmpty() {
        // A 2×2 filter with weights around 0.01 and a 4×4 map with values around 100: each is drawn
        // from its own smallest value (white) to its largest (black).
        Tensor filter = Tensor.of(new double[][] {{0.02, -0.01}, {-0.01, -0.01}});
        Tensor map = Tensor.of(new double[][] {{100, 100, 100, 100}, {100, 100, 100, 100},
                {100, 100, 100, 100}, {100, 100, 100, 300}});
        BufferedImage picture = ImageGrid.render(Arrays.asList(filter, null, map), List.of("filter", "", "map"), 2);
        assertThat(picture.getWidth()).isEqualTo(2 * CELL_WIDTH);
        assertThat(picture.getHeight()).isGreaterThan(2 * ImageGrid.CELL_PIXELS);   // two rows, with captions

        int filterScale = ImageGrid.CELL_PIXELS / 2;
        assertThat(new Color(picture.getRGB(6 + filterScale / 2, 6 + filterScale / 2))).isEqualTo(Color.BLACK);
        assertThat(new Color(picture.getRGB(6 + filterScale + filterScale / 2, 6 + filterScale / 2)))
                .isEqualTo(Color.WHITE);
        // The empty cell (top right) is plain paper.
        assertThat(new Color(picture.getRGB(CELL_WIDTH + CELL_WIDTH / 2, 6 + ImageGrid.CELL_PIXELS / 2)))
                .isEqualTo(Color.WHITE);
        // The map (second row): only its bottom-right pixel is ink.
        int mapScale = ImageGrid.CELL_PIXELS / 4;
        int mapTop = picture.getHeight() / 2 + 6;
        assertThat(new Color(picture.getRGB(6 + 3 * mapScale + mapScale / 2, mapTop + 3 * mapScale + mapScale / 2)))
                .isEqualTo(Color.BLACK);
        assertThat(new Color(picture.getRGB(6 + mapScale / 2, mapTop + mapScale / 2))).isEqualTo(Color.WHITE);
    }

    @Test
    void writesAPng() throws Exception {
        Path file = output.resolve("grid.png");
        ImageGrid.write(List.of(Tensor.eye(3), Tensor.eye(5)), List.of("a", "b"), 2, file);
        BufferedImage picture = ImageIO.read(file.toFile());
        assertThat(picture.getWidth()).isEqualTo(2 * CELL_WIDTH);
    }

    @Test
    void rejectsImagesThatAreNotTwoDimensionalAndCountsThatDisagree() {
        assertThatThrownBy(() -> ImageGrid.render(List.of(Tensor.zeros(2, 2, 2)), List.of("x"), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ImageGrid: image 0 must have shape (height, width), got (2, 2, 2)");
        assertThatThrownBy(() -> ImageGrid.render(List.of(Tensor.zeros(2, 2)), List.of(), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ImageGrid: needs at least one image and one caption per image, got 1 images and 0 captions");
        assertThatThrownBy(() -> ImageGrid.render(List.of(Tensor.zeros(2, 2)), List.of("x"), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ImageGrid: columns must be at least 1, got 0");
    }
}
