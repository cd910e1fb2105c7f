/*
 * html.c - an HTML page becomes paragraphs of text plus metadata. The only file that
 * includes libxml2.
 *
 * libxml2 is always given valid UTF-8 (charset.c decoded the page) and told to ignore the
 * page's own encoding declaration (HTML_PARSE_IGNORE_ENC): otherwise its parser switches
 * to Latin-1 at the first bad byte, or re-decodes text we already decoded. It is also
 * told never to touch the network (HTML_PARSE_NONET) and never to print.
 *
 * Text: elements that are not the article (scripts, navigation, headers, footers, forms,
 * ...) are dropped; block elements and <br> end a paragraph; paragraphs are separated by
 * one blank line; inside a paragraph every run of white space (including no-break spaces)
 * becomes one space, except inside <pre> where line breaks are kept.
 */
#include "config.h"

#include <limits.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/globals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "ingest/ingest_int.h"

#define KGI_PRESCAN_BYTES 8192

static int kgi_ci_prefix(const char *p, const char *e, const char *word) {
  size_t n = strlen(word);
  return (size_t)(e - p) >= n && strncasecmp(p, word, n) == 0;
}

static int kgi_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* ---- sniffing and the declared charset (raw bytes, no parser) ---- */

int kgi_html_sniff(const char *b, size_t len) {
  const char *p = b, *e = b + (len < KGI_PRESCAN_BYTES ? len : KGI_PRESCAN_BYTES);
  if (e - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  for (;;) {
    while (p < e && kgi_html_space(*p))
      p++;
    if (kgi_ci_prefix(p, e, "<?xml")) {
      const char *q = memmem(p, (size_t)(e - p), "?>", 2);
      if (!q)
        return 0;
      p = q + 2;
    } else if (kgi_ci_prefix(p, e, "<!--")) {
      const char *q = memmem(p + 4, (size_t)(e - p - 4), "-->", 3);
      if (!q)
        return 0;
      p = q + 3;
    } else {
      break;
    }
  }
  const char *q = NULL;
  if (kgi_ci_prefix(p, e, "<!doctype")) {
    q = p + 9;
    while (q < e && kgi_html_space(*q))
      q++;
    if (!kgi_ci_prefix(q, e, "html"))
      return 0;
    q += 4;
  } else if (kgi_ci_prefix(p, e, "<html")) {
    q = p + 5;
  } else {
    return 0;
  }
  return q >= e || kgi_html_space(*q) || *q == '>';
}

/* One attribute of a tag at p; returns the position after it, or NULL at the tag's end. */
static const char *kgi_attr(const char *p, const char *e, const char **name, size_t *nn,
                            const char **val, size_t *vn) {
  while (p < e && (kgi_html_space(*p) || *p == '/'))
    p++;
  if (p >= e || *p == '>')
    return NULL;
  *name = p;
  while (p < e && !kgi_html_space(*p) && *p != '=' && *p != '>' && *p != '/')
    p++;
  *nn = (size_t)(p - *name);
  *val = p;
  *vn = 0;
  while (p < e && kgi_html_space(*p))
    p++;
  if (p >= e || *p != '=')
    return p;
  p++;
  while (p < e && kgi_html_space(*p))
    p++;
  if (p < e && (*p == '"' || *p == '\'')) {
    char quote = *p++;
    *val = p;
    while (p < e && *p != quote)
      p++;
    *vn = (size_t)(p - *val);
    return p < e ? p + 1 : p;
  }
  *val = p;
  while (p < e && !kgi_html_space(*p) && *p != '>')
    p++;
  *vn = (size_t)(p - *val);
  return p;
}

static int kgi_copy_label(const char *s, size_t n, char *out, size_t outsz) {
  while (n && (kgi_html_space(*s) || *s == '"' || *s == '\'')) {
    s++;
    n--;
  }
  size_t k = 0;
  while (k < n && !kgi_html_space(s[k]) && s[k] != ';' && s[k] != '"' && s[k] != '\'')
    k++;
  if (k == 0 || k >= outsz)
    return 0;
  /* a page that could be scanned as ASCII is not UTF-16, whatever it says (WHATWG) */
  if (k >= 6 && strncasecmp(s, "utf-16", 6) == 0) {
    s = "utf-8";
    k = 5;
  } else if (k == 14 && strncasecmp(s, "x-user-defined", 14) == 0) {
    s = "windows-1252";
    k = 12;
  }
  if (k >= outsz)
    return 0;
  memcpy(out, s, k);
  out[k] = '\0';
  return 1;
}

/*
 * A simplified form of the HTML "prescan a byte stream to determine its encoding": the
 * first <meta charset=...> or <meta http-equiv=content-type content="...charset=...">
 * before <body>, outside comments.
 */
int kgi_html_declared_charset(const char *b, size_t len, char *out, size_t outsz) {
  const char *p = b, *e = b + (len < KGI_PRESCAN_BYTES ? len : KGI_PRESCAN_BYTES);
  while (p < e && (p = memchr(p, '<', (size_t)(e - p)))) {
    if (kgi_ci_prefix(p, e, "<!--")) {
      const char *q = memmem(p + 4, (size_t)(e - p - 4), "-->", 3);
      if (!q)
        return 0;
      p = q + 3;
      continue;
    }
    if (kgi_ci_prefix(p, e, "<body"))
      return 0;
    if (!kgi_ci_prefix(p, e, "<meta") || p + 5 >= e || !(kgi_html_space(p[5]) || p[5] == '/')) {
      p++;
      continue;
    }
    const char *q = p + 5, *name, *val, *content = NULL;
    size_t nn, vn, cn = 0;
    int http_ct = 0;
    while ((q = kgi_attr(q, e, &name, &nn, &val, &vn))) {
      if (nn == 7 && strncasecmp(name, "charset", 7) == 0)
        return kgi_copy_label(val, vn, out, outsz);
      if (nn == 10 && strncasecmp(name, "http-equiv", 10) == 0 && vn == 12 &&
          strncasecmp(val, "content-type", 12) == 0)
        http_ct = 1;
      if (nn == 7 && strncasecmp(name, "content", 7) == 0) {
        content = val;
        cn = vn;
      }
    }
    if (http_ct && content) {
      for (size_t i = 0; i + 8 <= cn; i++)
        if (strncasecmp(content + i, "charset=", 8) == 0)
          return kgi_copy_label(content + i + 8, cn - i - 8, out, outsz);
    }
    p += 5;
  }
  return 0;
}

/* ---- the document walk ---- */

static int kgi_name_in(const xmlNode *n, const char *const *names) {
  for (; *names; names++)
    if (strcasecmp((const char *)n->name, *names) == 0)
      return 1;
  return 0;
}

/* Not the article: dropped with everything inside. */
static const char *const kgi_drop[] = {
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
    "svg", "template", "head", "title", "button", "select", "textarea", "object", "embed",
    "canvas", "math", "map", "audio", "video", "dialog", NULL};
/* Dropped elements that still end a paragraph where they stood. */
static const char *const kgi_drop_block[] = {"nav", "header", "footer", "aside", "form",
                                             "dialog", NULL};
static const char *const kgi_block[] = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "article", "section",
    "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot",
    "caption", "main", "figure", "figcaption", "hr", "address", "center", "details",
    "summary", "fieldset", "legend", "body", "html", "menu", "dir", "listing", "plaintext",
    "xmp", "option", "hgroup", NULL};
static const char *const kgi_cell[] = {"td", "th", NULL};

static const char *kgi_get_attr(const xmlNode *n, const char *name) {
  for (const xmlAttr *a = n->properties; a; a = a->next)
    if (a->name && strcasecmp((const char *)a->name, name) == 0) {
      const xmlNode *c = a->children;
      return c && c->type == XML_TEXT_NODE && c->content ? (const char *)c->content : "";
    }
  return NULL;
}

typedef struct {
  KgiBuf *out;
  KgiBuf para;
  int space; /* white space seen since the last character of the paragraph */
  int pre;   /* depth of <pre> */
  KgStatus st;
} KgiWalk;

static void kgi_walk_break(KgiWalk *w) {
  KgiBuf *p = &w->para;
  while (p->len && (p->data[p->len - 1] == ' ' || p->data[p->len - 1] == '\n'))
    p->len--;
  w->space = 0;
  if (!p->len || w->st)
    return;
  if (w->out->len)
    w->st = kgi_buf_append(w->out, "\n\n", 2);
  if (!w->st)
    w->st = kgi_buf_append(w->out, p->data, p->len);
  p->len = 0;
}

static void kgi_walk_text(KgiWalk *w, const char *s) {
  KgiBuf *p = &w->para;
  const char *run = s; /* start of the characters not yet copied */
  for (; *s && !w->st; s++) {
    int nbsp = (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0;
    int ws = kgi_html_space(*s) || nbsp;
    if (w->pre && ws && !nbsp) {
      if (*s == '\n' || *s == '\r') { /* keep one line break */
        w->st = kgi_buf_append(p, run, (size_t)(s - run));
        if (!w->st && p->len && p->data[p->len - 1] != '\n')
          w->st = kgi_buf_putc(p, '\n');
        run = s + 1;
      }
      continue;
    }
    if (ws) {
      w->st = kgi_buf_append(p, run, (size_t)(s - run));
      if (p->len)
        w->space = 1;
      s += nbsp;
      run = s + 1;
      continue;
    }
    if (w->space) {
      w->st = kgi_buf_append(p, run, (size_t)(s - run));
      if (!w->st && p->len && p->data[p->len - 1] != '\n')
        w->st = kgi_buf_putc(p, ' ');
      w->space = 0;
      run = s;
    }
  }
  if (!w->st)
    w->st = kgi_buf_append(p, run, (size_t)(s - run));
}

/* Called on entering an element: 1 to walk its children. */
static int kgi_walk_enter(KgiWalk *w, const xmlNode *n) {
  if (kgi_name_in(n, kgi_drop) || kgi_get_attr(n, "hidden")) {
    if (kgi_name_in(n, kgi_drop_block))
      kgi_walk_break(w);
    return 0;
  }
  if (kgi_name_in(n, kgi_block))
    kgi_walk_break(w);
  else if (kgi_name_in(n, kgi_cell) && w->para.len)
    w->space = 1;
  if (strcasecmp((const char *)n->name, "pre") == 0)
    w->pre++;
  return 1;
}

static void kgi_walk_leave(KgiWalk *w, const xmlNode *n) {
  if (kgi_name_in(n, kgi_block))
    kgi_walk_break(w);
  else if (kgi_name_in(n, kgi_cell) && w->para.len)
    w->space = 1;
  if (strcasecmp((const char *)n->name, "pre") == 0 && w->pre)
    w->pre--;
}

/* Depth-first without recursion: a hostile page may nest elements very deeply. */
static KgStatus kgi_walk(const xmlNode *root, KgiBuf *out) {
  KgiWalk w = {out, {0}, 0, 0, KG_SUCCESS};
  kgi_buf_init(&w.para, 0);
  const xmlNode *n = root;
  while (n && !w.st) {
    int down = 0;
    if (n->type == XML_ELEMENT_NODE)
      down = kgi_walk_enter(&w, n);
    else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
      kgi_walk_text(&w, (const char *)n->content);
    if (down && n->children) {
      n = n->children;
      continue;
    }
    for (;;) {
      if (n->type == XML_ELEMENT_NODE && down)
        kgi_walk_leave(&w, n);
      if (n == root) {
        n = NULL;
        break;
      }
      if (n->next) {
        n = n->next;
        break;
      }
      n = n->parent;
      down = 1; /* a parent we climb back to was walked into */
    }
  }
  kgi_walk_break(&w);
  kgi_buf_free(&w.para);
  return w.st;
}

/* ---- metadata ---- */

/* Offer @p s with its white space collapsed and trimmed; empty values are ignored. */
static KgStatus kgi_offer_clean(KgiMeta *m, KgMetaKey key, const char *s) {
  if (!s || m->v[key])
    return KG_SUCCESS;
  KgiBuf b;
  kgi_buf_init(&b, 0);
  KgStatus st = KG_SUCCESS;
  int space = 0;
  for (; *s && !st; s++) {
    int nbsp = (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0;
    if (kgi_html_space(*s) || nbsp) {
      space = b.len > 0;
      s += nbsp;
      continue;
    }
    if (space)
      st = kgi_buf_putc(&b, ' ');
    space = 0;
    if (!st)
      st = kgi_buf_putc(&b, *s);
  }
  if (!st && b.len)
    st = kgi_meta_offer(m, key, b.data, b.len);
  kgi_buf_free(&b);
  return st;
}

/* "en-US", "fr_FR", "FR" -> "en"/"fr"; other languages are left to the extractor. */
static KgStatus kgi_offer_lang(KgiMeta *m, const char *v) {
  if (!v || m->v[KG_META_LANGUAGE])
    return KG_SUCCESS;
  while (kgi_html_space(*v))
    v++;
  if (!v[0] || !v[1] || (v[2] && v[2] != '-' && v[2] != '_' && !kgi_html_space(v[2])))
    return KG_SUCCESS;
  if (strncasecmp(v, "en", 2) == 0)
    return kgi_meta_offer(m, KG_META_LANGUAGE, "en", 2);
  if (strncasecmp(v, "fr", 2) == 0)
    return kgi_meta_offer(m, KG_META_LANGUAGE, "fr", 2);
  return KG_SUCCESS;
}

/* Meta names that carry the publication date, best first. */
static const char *const kgi_date_names[] = {
    "article:published_time", "datepublished", "og:published_time", "date", "pubdate",
    "publishdate", "publish-date", "dc.date.issued", "dcterms.issued", "dc.date",
    "dcterms.date", "parsely-pub-date", "sailthru.date", NULL};
static const char *const kgi_publisher_names[] = {"publisher", "dc.publisher",
                                                  "dcterms.publisher", NULL};

typedef struct {
  const char *title, *og_title, *site_name, *publisher, *locale, *content_lang, *lang;
  const char *date;
  int date_rank;
} KgiHead;

static void kgi_head_meta(KgiHead *h, const xmlNode *n) {
  const char *key = kgi_get_attr(n, "property");
  const char *content = kgi_get_attr(n, "content");
  if (!key)
    key = kgi_get_attr(n, "name");
  if (!key)
    key = kgi_get_attr(n, "itemprop");
  const char *equiv = kgi_get_attr(n, "http-equiv");
  if (!content)
    return;
  if (equiv && strcasecmp(equiv, "content-language") == 0 && !h->content_lang)
    h->content_lang = content;
  if (!key)
    return;
  if (strcasecmp(key, "og:title") == 0 && !h->og_title)
    h->og_title = content;
  else if (strcasecmp(key, "og:site_name") == 0 && !h->site_name)
    h->site_name = content;
  else if (strcasecmp(key, "og:locale") == 0 && !h->locale)
    h->locale = content;
  for (int i = 0; kgi_publisher_names[i]; i++)
    if (strcasecmp(key, kgi_publisher_names[i]) == 0 && !h->publisher &&
        !strstr(content, "://"))
      h->publisher = content;
  for (int i = 0; kgi_date_names[i]; i++) {
    char iso[11];
    if (strcasecmp(key, kgi_date_names[i]) == 0 && i < h->date_rank &&
        kgi_date_normalize(content, strlen(content), iso)) {
      h->date = content;
      h->date_rank = i;
    }
  }
}

static void kgi_head_scan(KgiHead *h, const xmlNode *root) {
  const xmlNode *n = root;
  h->lang = kgi_get_attr(root, "lang");
  if (!h->lang)
    h->lang = kgi_get_attr(root, "xml:lang");
  while (n) {
    int down = n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, "svg") != 0;
    if (down && strcasecmp((const char *)n->name, "title") == 0) {
      if (!h->title && n->children && n->children->type == XML_TEXT_NODE)
        h->title = (const char *)n->children->content;
      down = 0;
    } else if (down && strcasecmp((const char *)n->name, "meta") == 0) {
      kgi_head_meta(h, n);
    }
    if (down && n->children) {
      n = n->children;
      continue;
    }
    while (n && n != root && !n->next)
      n = n->parent;
    n = n && n != root ? n->next : NULL;
  }
}

static KgStatus kgi_head_to_meta(const KgiHead *h, KgiMeta *meta) {
  KgStatus st = KG_SUCCESS;
  char iso[11];
  KGI_TRY(st, kgi_offer_clean(meta, KG_META_TITLE, h->title));
  KGI_TRY(st, kgi_offer_clean(meta, KG_META_TITLE, h->og_title));
  KGI_TRY(st, kgi_offer_clean(meta, KG_META_SITE_NAME, h->site_name));
  KGI_TRY(st, kgi_offer_clean(meta, KG_META_PUBLISHER, h->publisher));
  if (h->date && kgi_date_normalize(h->date, strlen(h->date), iso))
    KGI_TRY(st, kgi_meta_offer(meta, KG_META_DATE_PUBLISHED, iso, strlen(iso)));
  KGI_TRY(st, kgi_offer_lang(meta, h->lang));
  KGI_TRY(st, kgi_offer_lang(meta, h->content_lang));
  KGI_TRY(st, kgi_offer_lang(meta, h->locale));
out:
  return st;
}

/* Malformed markup is the rule on the web; the text is what matters. */
static void kgi_html_quiet(void *user_data, xmlErrorPtr error) {
  (void)user_data;
  (void)error;
}

KgStatus kgi_html_to_text(const char *utf8, size_t len, KgiBuf *text, KgiMeta *meta) {
  if (len > (size_t)INT_MAX)
    return KG_ERR_TOO_LARGE;
  if (len == 0)
    return kgi_buf_append(text, "", 0);
  /* HTML_PARSE_NOERROR does not silence a structured error handler, and Raptor installs
   * one (raptor_world_open()) that reports every complaint of libxml2's HTML 4 parser
   * ("Tag nav invalid") as an RDF error: the writer's world is open while articles
   * are read. Ours, for the parse only; libxml2 keeps the handler per thread. */
  xmlStructuredErrorFunc saved = xmlStructuredError;
  void *saved_ctx = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc(NULL, kgi_html_quiet);
  htmlDocPtr doc = htmlReadMemory(utf8, (int)len, NULL, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                      HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                      HTML_PARSE_IGNORE_ENC);
  xmlSetStructuredErrorFunc(saved_ctx, saved);
  if (!doc) {
    /* libxml2 gives no document for a page without any content; anything else is a
       failure inside libxml2 (out of memory) */
    for (size_t i = 0; i < len; i++)
      if (!kgi_html_space(utf8[i]))
        return KG_ERR_PARSE;
    return kgi_buf_append(text, "", 0);
  }
  KgStatus st = KG_SUCCESS;
  const xmlNode *root = xmlDocGetRootElement(doc);
  if (root) {
    KgiHead h;
    memset(&h, 0, sizeof h);
    h.date_rank = 1000;
    kgi_head_scan(&h, root);
    KGI_TRY(st, kgi_head_to_meta(&h, meta));
    KGI_TRY(st, kgi_walk(root, text));
  }
  st = kgi_buf_append(text, "", 0);
out:
  xmlFreeDoc(doc);
  return st;
}
