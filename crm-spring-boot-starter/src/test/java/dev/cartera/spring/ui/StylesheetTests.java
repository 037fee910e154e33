package dev.cartera.spring.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stylesheet parses as the author meant. A rule block left open (as a merge once left
 * {@code @media (min-width: 1200px) {}) silently moves every later rule inside it: the import
 * preview's table lost its scroll box on phones and widened the whole page.
 */
class StylesheetTests {
    private static final Path CSS = Path.of("src/main/resources/static/cartera/cartera.css");

    @Test
    void everyBlockOfTheStylesheetIsClosed() throws IOException {
        String css = Files.readString(CSS);
        List<Integer> open = new ArrayList<>();
        int line = 1;
        for (int i = 0; i < css.length(); i++) {
            char c = css.charAt(i);
            if (css.startsWith("/*", i)) {
                int end = css.indexOf("*/", i + 2);
                assertThat(end).as("comment opened on line %d is closed", line).isPositive();
                line += (int) css.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end + 1;
            } else if (c == '\n') {
                line++;
            } else if (c == '{') {
                open.add(line);
            } else if (c == '}') {
                assertThat(open).as("a } on line %d closes nothing", line).isNotEmpty();
                open.remove(open.size() - 1);
            }
        }
        assertThat(open).as("blocks opened on these lines are never closed").isEmpty();
    }
}
