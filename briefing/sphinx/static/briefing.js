/* briefing: hover cards for references and footnotes; footnotes as sidenotes on wide screens.
 *
 * Cards come from the page itself: the build writes, per page, a JSON object keyed by the
 * anchor each reference points at (<script type="application/json" id="brief-cards">).
 * A footnote's card shows the footnote's own text. Card text is put in with textContent.
 *
 * WCAG 1.4.13 (content on hover or focus): the card opens on hover, on keyboard focus and
 * on a tap; the pointer can move onto it; it stays until the pointer or focus leaves, Esc
 * closes it without moving focus or pointer, and a tapped card has a close button.
 *
 * Sidenotes are copies of the footnotes (aria-hidden, their links out of the tab order):
 * the real footnotes stay at the end of the page for screen readers, print and narrow
 * screens, and the page's search finds the text in both.
 */
(() => {
  "use strict";

  const WIDE = window.matchMedia("(min-width: 1200px)");
  const REF = "a.brief-ref-fact, a.brief-ref-entity, a.brief-ref-correction, " +
    "a.brief-ref-source, a.brief-ref-para";
  const NOTE = "a.footnote-reference";
  const SHOW_DELAY = 150; // ms before a hovered link shows its card
  const HIDE_DELAY = 300; // ms to move the pointer from the link onto the card

  const cards = (() => {
    const data = document.getElementById("brief-cards");
    try {
      return data ? JSON.parse(data.textContent) : {};
    } catch (error) {
      return {};
    }
  })();

  const fragmentOf = (link) => {
    const href = link.getAttribute("href") || "";
    const hash = href.indexOf("#");
    return hash < 0 ? "" : decodeURIComponent(href.slice(hash + 1));
  };

  const make = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  };

  const isNote = (link) => link.matches(NOTE);
  const sidenoteOf = (link) => {
    const next = link.nextElementSibling;
    return next && next.matches(".brief-sidenote") ? next : null;
  };

  /* -- card contents ------------------------------------------------------------------ */

  function readMore(href, where) {
    const line = make("p", "brief-card-more", "Read more: ");
    const link = make("a", "", where);
    link.href = href;
    line.append(link);
    return line;
  }

  function refContent(link) {
    const data = cards[fragmentOf(link)];
    if (!data) return null;
    const parts = [];
    const head = make("p", "brief-card-kind", data.kind);
    if (data.badge) {
      head.append(" · ", make("span", `brief-card-badge brief-card-${data.status}`, data.badge));
    }
    parts.push(head, make("p", "brief-card-title", data.title));
    if (data.text) parts.push(make("p", "brief-card-text", data.text));
    if (data.details && data.details.length) {
      const list = make("ul", "brief-card-details");
      for (const detail of data.details) list.append(make("li", "", detail));
      parts.push(list);
    }
    parts.push(readMore(link.getAttribute("href"), data.where));
    return parts;
  }

  function noteLabel(note) {
    const label = note.querySelector(".label a, .label");
    return label ? label.textContent.replace(/[[\]]/g, "").trim() : "";
  }

  function noteBody(note, className) {
    const body = make("div", className);
    for (const child of note.children) {
      if (child.classList.contains("label")) continue;
      const copy = child.cloneNode(true);
      copy.removeAttribute("id");
      copy.querySelectorAll("[id]").forEach((n) => n.removeAttribute("id"));
      body.append(copy);
    }
    return body;
  }

  function noteContent(link) {
    const note = document.getElementById(fragmentOf(link));
    if (!note) return null;
    const label = noteLabel(note);
    return [
      make("p", "brief-card-kind", `Note ${label}`),
      noteBody(note, "brief-card-note"),
      readMore(`#${note.id}`, `note ${label} at the end of the page`),
    ];
  }

  /* -- the card ----------------------------------------------------------------------- */

  const card = make("div", "brief-card");
  card.id = "brief-card";
  card.hidden = true;
  document.body.append(card);

  let owner = null; // the link whose card is open
  let pinned = false; // opened by a tap: stays until closed
  let dismissed = null; // Esc closed this link's card; it reopens once pointer and focus leave
  let hovering = false; // the pointer is over the owner or the card
  let lastPointer = ""; // "mouse", "touch", "pen" or "key"
  let showTimer = 0;
  let hideTimer = 0;

  const wantsCard = (link) => isNote(link) ? !(WIDE.matches && sidenoteOf(link))
    : Boolean(cards[fragmentOf(link)]);

  function place(link) {
    const rects = link.getClientRects();
    const r = rects.length ? rects[0] : link.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    const height = window.innerHeight;
    const gap = 6;
    let left = Math.min(r.left, width - card.offsetWidth - 8);
    left = Math.max(8, left);
    let top = r.bottom + gap;
    if (top + card.offsetHeight > height - 8 && r.top - card.offsetHeight - gap > 8) {
      top = r.top - card.offsetHeight - gap;
    }
    card.style.left = `${Math.round(left)}px`;
    card.style.top = `${Math.round(top)}px`;
  }

  function restoreTitle(link) {
    if (link && link.dataset.briefTitle !== undefined) {
      link.setAttribute("title", link.dataset.briefTitle);
      delete link.dataset.briefTitle;
    }
  }

  function show(link, how) {
    const content = isNote(link) ? noteContent(link) : refContent(link);
    if (!content) return;
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (owner && owner !== link) hide();
    // The native tooltip would cover the card; the card says more.
    if (link.hasAttribute("title")) {
      link.dataset.briefTitle = link.getAttribute("title");
      link.removeAttribute("title");
    }
    pinned = how === "tap";
    card.replaceChildren(...content);
    if (pinned) {
      const close = make("button", "brief-card-close", "×");
      close.type = "button";
      close.setAttribute("aria-label", "Close");
      close.addEventListener("click", () => hide(true));
      card.prepend(close);
      card.setAttribute("role", "dialog");
      card.setAttribute("aria-label", content[0].textContent);
    } else {
      card.setAttribute("role", "tooltip");
      card.removeAttribute("aria-label");
    }
    card.classList.toggle("brief-card-pinned", pinned);
    owner = link;
    link.setAttribute("aria-describedby", card.id);
    card.hidden = false;
    place(link);
  }

  function hide(refocus = false) {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (!owner) return;
    const link = owner;
    const hadFocus = card.contains(document.activeElement);
    owner = null;
    pinned = false;
    card.hidden = true;
    link.removeAttribute("aria-describedby");
    restoreTitle(link);
    if (refocus || hadFocus) {
      dismissed = link; // focusing the link again must not reopen the card at once
      link.focus({ preventScroll: true });
    }
  }

  const linkFrom = (target) => target instanceof Element
    ? target.closest(`${REF}, ${NOTE}`) : null;

  /* -- pointer ------------------------------------------------------------------------ */

  document.addEventListener("pointerdown", (event) => {
    lastPointer = event.pointerType || "mouse";
    if (owner && pinned && !card.contains(event.target) && linkFrom(event.target) !== owner) {
      hide();
    }
  });

  document.addEventListener("pointerover", (event) => {
    const inCard = card.contains(event.target);
    const link = linkFrom(event.target);
    if (inCard || (link && link === owner)) {
      hovering = true;
      clearTimeout(hideTimer);
      return;
    }
    if (event.pointerType !== "mouse" || !link || link.closest(".brief-card, .brief-sidenote")) {
      return;
    }
    if (isNote(link)) highlight(link, true);
    if (!wantsCard(link) || link === dismissed) return;
    hovering = true;
    clearTimeout(showTimer);
    showTimer = setTimeout(() => show(link, "hover"), SHOW_DELAY);
  });

  document.addEventListener("pointerout", (event) => {
    const link = linkFrom(event.target);
    if (link && isNote(link)) highlight(link, false);
    const from = card.contains(event.target) ? card : link;
    if (!from) return;
    const to = event.relatedTarget;
    if (to instanceof Node && (from.contains(to) || card.contains(to) ||
        (owner && owner.contains(to)))) {
      return;
    }
    hovering = false;
    clearTimeout(showTimer);
    if (link === dismissed) dismissed = null;
    if (owner && !pinned && (from === card || from === owner) &&
        !owner.contains(document.activeElement)) {
      hideTimer = setTimeout(hide, HIDE_DELAY);
    }
  });

  /* -- keyboard focus ----------------------------------------------------------------- */

  document.addEventListener("keydown", (event) => {
    lastPointer = "key";
    if (event.key === "Escape" && owner) {
      dismissed = owner;
      hide(pinned && card.contains(document.activeElement));
      event.stopPropagation();
    }
  }, true);

  document.addEventListener("focusin", (event) => {
    if (card.contains(event.target)) return;
    const link = linkFrom(event.target);
    if (link && isNote(link)) highlight(link, true);
    if (link && link === owner) return;
    if (owner && !pinned) hide();
    if (!link || link === dismissed || link.closest(".brief-card, .brief-sidenote") ||
        !wantsCard(link) || lastPointer === "touch" || lastPointer === "pen") {
      return;
    }
    show(link, "focus");
  });

  document.addEventListener("focusout", (event) => {
    const link = linkFrom(event.target);
    if (!link) return;
    if (isNote(link)) highlight(link, false);
    if (link === dismissed) dismissed = null;
    const to = event.relatedTarget;
    if (link === owner && !pinned && !hovering && !(to instanceof Node && card.contains(to))) {
      hide();
    }
  });

  /* -- taps --------------------------------------------------------------------------- */

  document.addEventListener("click", (event) => {
    const link = linkFrom(event.target);
    if (!link || card.contains(link) || link.closest(".brief-sidenote")) return;
    const tapped = (lastPointer === "touch" || lastPointer === "pen") && event.detail > 0;
    if (!tapped || !wantsCard(link)) return;
    if (owner === link && pinned) {
      hide(); // a second tap follows the link
      return;
    }
    event.preventDefault();
    show(link, "tap");
  });

  const follow = () => {
    if (owner) window.requestAnimationFrame(() => owner && place(owner));
  };
  window.addEventListener("scroll", follow, { passive: true, capture: true });
  window.addEventListener("resize", follow, { passive: true });
  WIDE.addEventListener("change", () => {
    if (owner && !wantsCard(owner)) hide();
  });

  /* -- sidenotes ---------------------------------------------------------------------- */

  function highlight(link, on) {
    const side = sidenoteOf(link);
    if (side) side.classList.toggle("brief-sidenote-active", on);
  }

  // Each sidenote is placed beside its mark; where the note above still runs, the text is
  // moved down (a margin before the mark's paragraph) rather than the note moved away.
  const GAP = 8; // px between two sidenotes
  const placed = []; // [reference, sidenote]
  let pushed = []; // blocks given extra space above them

  function sidenotes() {
    for (const ref of document.querySelectorAll(`article ${NOTE}`)) {
      // A note inside a table or a footnote keeps its card.
      if (ref.closest("table, .brief-table, aside.footnote")) continue;
      const note = document.getElementById(fragmentOf(ref));
      if (!note) continue;
      // <small> inside the paragraph: phrasing content, so the page stays valid, and the
      // page's search finds the note's words beside their mark.
      const side = make("small", "brief-sidenote");
      side.setAttribute("aria-hidden", "true");
      side.append(make("span", "brief-sidenote-label", noteLabel(note)), " ");
      const body = noteBody(note, "");
      for (const para of body.children) {
        const span = make("span", "brief-sidenote-text");
        span.append(...para.childNodes);
        side.append(span, " ");
      }
      side.querySelectorAll("a, button, input, [tabindex]").forEach((n) => {
        n.setAttribute("tabindex", "-1");
      });
      ref.after(side);
      placed.push([ref, side]);
    }
    layout();
  }

  const blockOf = (ref) => ref.closest("p, li, dd, dt, blockquote, h1, h2, h3, h4, div");

  function layout() {
    for (const block of pushed) block.style.marginTop = "";
    pushed = [];
    if (!WIDE.matches || !placed.length) return;
    let bottom = -Infinity;
    let previous = null;
    for (const [ref, side] of placed) {
      const holder = side.offsetParent || document.body;
      const origin = holder.getBoundingClientRect().top;
      let top = ref.getBoundingClientRect().top - origin;
      const block = blockOf(ref);
      if (top < bottom + GAP && block && block !== previous && !pushed.includes(block)) {
        const margin = parseFloat(getComputedStyle(block).marginTop) || 0;
        block.style.marginTop = `${margin + bottom + GAP - top}px`;
        pushed.push(block);
        top = ref.getBoundingClientRect().top - holder.getBoundingClientRect().top;
      }
      top = Math.max(top, bottom + GAP);
      side.style.top = `${Math.round(top)}px`;
      bottom = top + side.offsetHeight;
      previous = block;
    }
  }

  let pending = 0;
  const relayout = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(layout);
  };
  window.addEventListener("resize", relayout, { passive: true });
  WIDE.addEventListener("change", relayout);
  document.addEventListener("toggle", relayout, true);
  if (document.fonts) document.fonts.ready.then(relayout);
  window.addEventListener("load", relayout);

  /* -- tables restyled on small screens keep their semantics ------------------------ */

  // CSS that changes a table's display can make some browsers drop its table roles;
  // explicit roles keep rows, headers and cells announced (see briefing.css).
  for (const table of document.querySelectorAll("table.brief-readings")) {
    table.setAttribute("role", "table");
    table.querySelectorAll("thead, tbody").forEach((n) => n.setAttribute("role", "rowgroup"));
    table.querySelectorAll("tr").forEach((n) => n.setAttribute("role", "row"));
    table.querySelectorAll("th").forEach((n) => n.setAttribute("role", "columnheader"));
    table.querySelectorAll("td").forEach((n) => n.setAttribute("role", "cell"));
  }

  sidenotes();
})();
