package dev.picloud.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {
  @Test
  void firstPageHas50RowsByDefault() {
    assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(50, 0));
  }

  @ParameterizedTest(name = "limit={0}")
  @ValueSource(ints = {1, 2, 199, 200})
  void limitsFrom1To200AreAccepted(int limit) {
    assertThat(PageRequest.of(limit, null).limit()).isEqualTo(limit);
  }

  @ParameterizedTest(name = "limit={0}")
  @ValueSource(ints = {0, -1, 201, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void limitsOutside1To200AreA422NamingLimit(int limit) {
    assertThatThrownBy(() -> PageRequest.of(limit, null))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).problem())
        .returns(422, Problem::status)
        .returns("limit", Problem::field);
  }

  @Test
  void fullPageCutsTheExtraRowAndPointsAtTheNextPage() {
    PageRequest first = PageRequest.of(2, null);

    Page<String> page = first.page(List.of("a", "b", "c"));

    assertThat(page.items()).containsExactly("a", "b");
    assertThat(page.nextCursor()).isNotBlank();
    assertThat(PageRequest.of(2, page.nextCursor())).isEqualTo(new PageRequest(2, 2));
  }

  @Test
  void lastPageHasNoNextCursor() {
    assertThat(PageRequest.of(3, null).page(List.of("a", "b", "c")))
        .isEqualTo(new Page<>(List.of("a", "b", "c"), null));
    assertThat(PageRequest.of(3, null).page(List.of())).isEqualTo(new Page<>(List.of(), null));
  }

  @Test
  void cursorsWalkEveryRowExactlyOnce() {
    List<Integer> rows = IntStream.range(0, 7).boxed().toList();
    List<Integer> seen = new java.util.ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      PageRequest request = PageRequest.of(3, cursor);
      int end = Math.min(rows.size(), request.offset() + request.limit() + 1);
      Page<Integer> page = request.page(rows.subList(request.offset(), end));
      seen.addAll(page.items());
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null && pages < 10);

    assertThat(seen).isEqualTo(rows);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void cursorIsOpaqueUrlSafeText() {
    String cursor = PageRequest.of(1, null).page(List.of("a", "b")).nextCursor();

    assertThat(cursor).matches("[A-Za-z0-9_-]+");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "garbage!",
        "not base64 at all",
        "o:5", // the plain text, not its encoding
        "5"
      })
  void cursorThatIsNotOursIsA422NamingCursor(String cursor) {
    assertBadCursor(cursor);
  }

  @ParameterizedTest(name = "encoded \"{0}\"")
  @ValueSource(strings = {"o:-1", "o:", "o:abc", "x:5", "o:1.5", "o:99999999999", "5"})
  void tamperedCursorIsA422NamingCursor(String plain) {
    assertBadCursor(
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
  }

  private static void assertBadCursor(String cursor) {
    assertThatThrownBy(() -> PageRequest.of(10, cursor))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).problem())
        .returns(422, Problem::status)
        .returns("validation_failed", Problem::code)
        .returns("cursor", Problem::field);
  }

  @Test
  void pageMapKeepsTheCursor() {
    Page<Integer> page = new Page<>(List.of(1, 2), "next");

    assertThat(page.map(i -> "#" + i)).isEqualTo(new Page<>(List.of("#1", "#2"), "next"));
  }
}
