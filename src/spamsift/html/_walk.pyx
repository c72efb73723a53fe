# cython: language_level=3
"""The walk over a parsed page's tree, compiled: it visits every node of the page, so it is the part of reading
HTML whose cost grows with the markup, and in Python it took a third of a page's time.

It reads lexbor's tree through the functions lexbor exports for bindings (the ``_noi`` ones and a few others),
looked up by name in selectolax's own extension module, which holds lexbor. No lexbor header is needed: nodes and
attributes stay opaque pointers, so the walk depends on those functions' signatures, not on lexbor's structures.
"""

cimport cython
from cpython.unicode cimport PyUnicode_DATA, PyUnicode_GET_LENGTH, PyUnicode_KIND, PyUnicode_READ, Py_UNICODE_ISSPACE
from libc.string cimport memcmp
from posix.dlfcn cimport RTLD_NOW, dlerror, dlopen, dlsym

import re

import selectolax.lexbor

from spamsift.core.page import MAX_BLOCKS, Segment, host_of

cdef extern from "<dlfcn.h>":
    int RTLD_NOLOAD

cdef extern from "Python.h":
    str PyUnicode_New(Py_ssize_t size, Py_UCS4 widest)
    void PyUnicode_WRITE(int kind, void* data, Py_ssize_t index, Py_UCS4 value)

ctypedef unsigned char lxb_char
ctypedef void* (*step_fn)(void*)
ctypedef int (*type_fn)(void*)
ctypedef size_t (*tag_id_fn)(void*)
ctypedef const lxb_char* (*name_fn)(void*, size_t*)
ctypedef lxb_char* (*text_fn)(void*, size_t*)
ctypedef void* (*free_text_fn)(void*, lxb_char*)

cdef step_fn first_child, next_sibling, first_attribute, next_attribute
cdef type_fn node_type
cdef tag_id_fn tag_id
cdef name_fn element_name, attribute_name, attribute_value
cdef text_fn text_content
cdef free_text_fn free_text

cdef enum:
    ELEMENT_NODE = 1
    TEXT_NODE = 3


cdef void* _symbol(void* library, const char* name) except NULL:
    cdef void* found = dlsym(library, name)
    if found == NULL:
        raise ImportError(f"selectolax's lexbor does not export {name.decode()}: this selectolax is not supported")
    return found


cdef _bind_lexbor():
    global first_child, next_sibling, first_attribute, next_attribute, node_type, tag_id
    global element_name, attribute_name, attribute_value, text_content, free_text
    path = selectolax.lexbor.__file__.encode()
    cdef void* library = dlopen(path, RTLD_NOW | RTLD_NOLOAD)
    if library == NULL:
        raise ImportError(f"cannot open selectolax's lexbor: {(<bytes> dlerror()).decode()}")
    first_child = <step_fn> _symbol(library, b"lxb_dom_node_first_child_noi")
    next_sibling = <step_fn> _symbol(library, b"lxb_dom_node_next_noi")
    node_type = <type_fn> _symbol(library, b"lxb_dom_node_type_noi")
    tag_id = <tag_id_fn> _symbol(library, b"lxb_dom_node_tag_id_noi")
    element_name = <name_fn> _symbol(library, b"lxb_dom_element_qualified_name")
    first_attribute = <step_fn> _symbol(library, b"lxb_dom_element_first_attribute_noi")
    next_attribute = <step_fn> _symbol(library, b"lxb_dom_element_next_attribute_noi")
    attribute_name = <name_fn> _symbol(library, b"lxb_dom_attr_qualified_name")
    attribute_value = <name_fn> _symbol(library, b"lxb_dom_attr_value_noi")
    text_content = <text_fn> _symbol(library, b"lxb_dom_node_text_content")
    free_text = <free_text_fn> _symbol(library, b"lxb_dom_document_destroy_text_noi")


_bind_lexbor()

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul", "center", "option", "legend",
})
UNREAD_TAGS = frozenset({
    "script", "style", "template", "svg", "iframe", "object", "embed", "canvas", "head", "select", "math",
})
"""Elements whose content is not text a visitor reads; the walk does not go into them."""
NOSCRIPT = "<noscript>"
"""Why a ``<noscript>`` block is hidden: browsers run scripts, so its text reaches crawlers alone, which is
why injections use it."""
MAX_DEPTH = 256
"""Markup nested deeper than this is hostile (:class:`HostileMarkup`): the layout features walk each block's
ancestors, so that deeper nesting makes a page cost the square of its size (20,000 nested elements with a
class name each took 90 s and 10 GB). Genuine pages nest their blocks under 50 deep."""
MAX_LOCATOR_STEPS = 64
"""Paths deeper than this (only hostile pages nest so deep) keep their innermost steps after an ellipsis."""


class HostileMarkup(ValueError):
    """Markup whose reading would cost the square of its size: too many elements left open for the parser
    or nesting too deep for the layout features (MAX_DEPTH). Read it as text; the message says which it was."""


@cython.no_gc
cdef class Frame:
    """An open element during the walk; the layout features read the frames of a block's ancestors. Its fields are
    declared in ``_walk.pxd``, where the compiled layout features (``_layout.pyx``) read them too. A page opens
    thousands, and none can be part of a reference cycle, so the garbage collector does not track them: it ran
    its passes over them many times a page."""


cdef Frame _open(str tag, int index, element_id, hidden, str names, link_host, bint is_block, Frame parent, int depth,
                 str block_tag):
    """A new frame, its fields set in C: the walk opens one per element, and a Python-level constructor call cost
    more than the rest of opening it."""
    cdef Frame frame = Frame.__new__(Frame)
    frame.tag, frame.index, frame.element_id, frame.hidden, frame.names = tag, index, element_id, hidden, names
    frame.link_host, frame.is_block, frame.parent, frame.depth, frame.block_tag = link_host, is_block, parent, depth, \
        block_tag
    return frame


_PLAIN_ID = re.compile(r"-?[A-Za-z_][A-Za-z0-9_-]*")
"""An id that CSS reads as written after a ``#``; others (``#1``, ``#a.b``, ``#a:b``) are selected by attribute."""


cdef str _step(Frame frame):
    if frame.element_id:
        if _PLAIN_ID.fullmatch(frame.element_id):
            return f"{frame.tag}#{frame.element_id}"
        quoted = frame.element_id.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
        return f'{frame.tag}[id="{quoted}"]'
    if frame.parent is None:  # the root of the walk: <body>, or whatever a body-less document has
        return "html > body" if frame.tag == "body" else frame.tag
    return f"{frame.tag}:nth-child({frame.index})"


cdef str _locator(Frame frame):
    """The element's CSS path, built once per element from its parent's. Paths deeper than MAX_LOCATOR_STEPS keep
    their innermost steps after an ellipsis."""
    cdef Frame step
    if frame.path is None:
        if frame.parent is None:
            frame.path = _step(frame)
        elif frame.depth <= MAX_LOCATOR_STEPS:
            frame.path = _locator(frame.parent) + " > " + _step(frame)
        else:
            steps = []
            step = frame
            while len(steps) < MAX_LOCATOR_STEPS:
                steps.append(_step(step))
                step = step.parent
            frame.path = "… > " + " > ".join(reversed(steps))
    return frame.path


SEMANTIC_TAGS = frozenset({
    "nav", "footer", "header", "aside", "article", "main", "form", "ul", "ol", "li", "table", "td", "th", "a",
    "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "blockquote", "pre", "code", "menu", "button",
    "label", "dl", "dd", "dt", "p", "section", "time", "address", "small", "span", "strong", "em", "b", "i",
})
"""The tags the layout model reads in a block's ancestry (``t:nav``); other tags say nothing of their own."""


@cython.no_gc
cdef class LayoutInfo:
    """The ancestry of a block, read off the open elements when the block closed; the layout model
    (``spamsift/html/layout.py``) reads it. Its fields are declared in ``_walk.pxd``; it refers to frames only,
    which refer to nothing that refers back, so the garbage collector does not track it."""

    def __cinit__(self, tuple local, int depth, Frame element):
        self.local, self.depth, self.element = local, depth, element

    @property
    def inherited(self) -> frozenset[str]:
        """Tags and class/id words of the block's element and its ancestors, as training reads them. Serving sums
        their weights once per element instead (``_layout.pyx``, ``ancestry_weights``)."""
        tokens = set()
        cdef Frame frame = self.element
        while frame is not None:
            tokens |= own_layout_tokens(frame)
            frame = frame.parent
        return frozenset(tokens)


cdef tuple _name_words(str names):
    """The runs of letters a to z in an element's class and id, lower-cased."""
    names = names.lower()
    cdef int kind = PyUnicode_KIND(names)
    cdef void* data = PyUnicode_DATA(names)
    cdef Py_ssize_t i = 0, start, n = PyUnicode_GET_LENGTH(names)
    words = []
    while i < n:
        start = i
        while i < n and 97 <= PyUnicode_READ(kind, data, i) <= 122:  # a to z
            i += 1
        if i > start:
            words.append(names[start:i])
        else:
            i += 1
    return tuple(words)


cdef tuple words_of(Frame frame):
    """The words of the element's class and id (:func:`_name_words`), split once."""
    if frame.name_words is None:
        frame.name_words = _name_words(frame.names)
    return frame.name_words


cdef frozenset own_layout_tokens(Frame frame):
    """The tag (``t:nav``, of SEMANTIC_TAGS) and class/id words (``c:comment``) of an element: what the layout model
    reads of it in the ancestry of a block below. Computed once per element, and only when asked."""
    if frame.own_tokens is None:
        own = {"c:" + word for word in words_of(frame)}
        if frame.tag in SEMANTIC_TAGS:
            own.add("t:" + frame.tag)
        frame.own_tokens = frozenset(own)
    return frame.own_tokens


cdef _layout_info(list frames, dict known):
    """The layout model's reading of the block that closes with these ``frames`` open: its own tokens (its block
    tag, the path of its last three elements, its element's class/id words) and its element, whose ancestry gives
    the rest. The items of a list or the cells of a table read alike, so the tokens are made once for each kind of
    element in its place (``known``) and shared: the layout model then weighs each kind once too."""
    if not frames:
        return LayoutInfo(("b:",), 0, None)
    cdef Py_ssize_t n = len(frames)
    cdef Frame inner = frames[n - 1]
    key = (inner.block_tag, inner.names, inner.tag, (<Frame> frames[n - 2]).tag if n > 1 else None,
           (<Frame> frames[n - 3]).tag if n > 2 else None)
    local = known.get(key)
    if local is None:
        local = known[key] = ("b:" + inner.block_tag, "path:" + ">".join([(<Frame> f).tag for f in frames[-3:]]),
                              *["p:" + word for word in words_of(inner)])
    return LayoutInfo(local, n, inner)


cdef frozenset NO_HOSTS = frozenset()
"""The link hosts of a block without links to other sites, shared (most blocks)."""


cdef class _Blocks:
    """Collects the text of the current block and closes it into a segment at block boundaries."""

    cdef object page_host
    cdef public list segments, layout, parts
    cdef public bint full
    """Set when a block beyond MAX_BLOCKS came: the walk stops there."""
    cdef Py_ssize_t offset, links, link_chars
    cdef list buffer
    cdef set hosts
    cdef dict known_locals
    """The blocks' own layout tokens made so far, by kind of element (see :func:`_layout_info`)."""

    def __init__(self, page_host):
        self.page_host = page_host
        self.segments, self.layout, self.parts = [], [], []
        self.full = False
        self.offset = 0
        self.buffer = []
        self.hosts = set()
        self.known_locals = {}

    cdef void _reset(self):
        self.buffer.clear()
        self.links = 0
        self.link_chars = 0
        self.hosts.clear()

    cdef void add_text(self, str text, list frames):
        self.buffer.append(text)
        if frames and (<Frame> frames[-1]).link_host is not None:
            self.link_chars += len(text.strip())

    cdef void add_link(self, str host):
        self.links += 1
        if host and host != self.page_host:
            self.hosts.add(host)

    cdef flush(self, list frames):
        if not self.buffer:
            return
        text = _collapsed("".join(self.buffer))
        cdef Frame inner
        if text and len(self.segments) == MAX_BLOCKS:
            self.full = True
        elif text:
            inner = frames[-1] if frames else None
            start = self.offset
            self.segments.append(Segment(start, start + len(text), text, _locator(inner) if inner else "",
                                         inner.hidden if inner else None, inner.block_tag if inner else "",
                                         self.links, self.link_chars, frozenset(self.hosts) if self.hosts else NO_HOSTS))
            self.layout.append(_layout_info(frames, self.known_locals))
            self.parts.append(text)
            self.offset = start + len(text) + 1
        self._reset()


cdef str _collapsed(str text):
    """The text's words joined by single spaces (``" ".join(text.split())``), without making a string of each word: a
    block's text arrives in pieces broken by the markup's indentation."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t i, n = PyUnicode_GET_LENGTH(text), length = 0
    cdef Py_UCS4 character, widest = 0
    cdef bint space = True, kept_as_is = True  # as if a space came before the text: leading spaces are dropped
    for i in range(n):
        character = PyUnicode_READ(kind, data, i)
        if Py_UNICODE_ISSPACE(character):
            if space or character != u' ':
                kept_as_is = False
            space = True
        else:
            if space and length:
                length += 1  # the single space before this word
            space = False
            length += 1
            if character > widest:
                widest = character
    if space and n:
        kept_as_is = False  # trailing spaces
    if kept_as_is:
        return text
    collapsed = PyUnicode_New(length, widest)
    cdef int collapsed_kind = PyUnicode_KIND(collapsed)
    cdef void* collapsed_data = PyUnicode_DATA(collapsed)
    cdef Py_ssize_t written = 0
    space = True
    for i in range(n):
        character = PyUnicode_READ(kind, data, i)
        if Py_UNICODE_ISSPACE(character):
            space = True
        else:
            if space and written:
                PyUnicode_WRITE(collapsed_kind, collapsed_data, written, u' ')
                written += 1
            space = False
            PyUnicode_WRITE(collapsed_kind, collapsed_data, written, character)
            written += 1
    return collapsed


cdef inline bint _named(const lxb_char* name, size_t length, const char* wanted, size_t wanted_length):
    return name != NULL and length == wanted_length and memcmp(name, wanted, length) == 0


cdef inline str _decoded(const lxb_char* data, size_t length):
    """lexbor's bytes as text (invalid UTF-8 replaced, as selectolax does); None for no bytes at all, which is
    how lexbor gives the value of an attribute written without one."""
    return data[:length].decode("utf-8", "replace") if data != NULL else None


cdef str _link_host(href, dict hosts):
    """The host of an absolute link, without "www."; "" for a relative one. ``hosts`` remembers each address's
    host: most links of a page go to a few addresses."""
    cdef Py_ssize_t start, end, stop
    if not href:
        return ""
    if href.startswith("//"):
        start = 2
    elif href.startswith("https://"):
        start = 8
    elif href.startswith("http://"):
        start = 7
    else:
        return ""
    end = len(href)
    for delimiter in "/?#":
        stop = href.find(delimiter, start, end)
        if stop >= 0:
            end = stop
    address = href[start:end]
    host = hosts.get(address)
    if host is None:
        host = hosts[address] = host_of("//" + address)
    return host


cdef object _hidden_by_rule(css_class, element_id, dict rules):
    """Why the page's own style sheets hide an element with this class or id, or None."""
    if css_class:
        for name in css_class.split():
            reason = rules.get("." + name)
            if reason is not None:
                return reason
    return rules.get("#" + element_id) if element_id else None


def walk(root, document, dict rules, page_host, hiding_reason):
    """Every block of text under ``root``, a selectolax node of the tree whose document node is ``document`` (the
    tree must outlive the walk), in reading order: the segments, their layout infos, their texts, and whether the
    walk stopped at MAX_BLOCKS.

    Depth-first without recursion, so that 100,000 nested tags cannot overflow. ``hiding_reason(hidden_attribute,
    element_id, style)`` says why an element's ``hidden`` or ``style`` attribute hides it, or None; ``rules`` maps the
    classes (``.name``) and ids (``#name``) the page's style sheets hide to why. Raises HostileMarkup."""
    cdef _Blocks blocks = _Blocks(page_host)
    cdef list frames = []
    cdef dict tag_names = {}, link_hosts = {}
    cdef void* doc = <void*> <size_t> document.mem_id
    cdef void* node = <void*> <size_t> root.mem_id
    cdef void* attribute
    cdef const lxb_char* name
    cdef const lxb_char* value
    cdef lxb_char* text
    cdef size_t length, value_length, tag
    cdef int kind
    cdef bint has_attributes, has_hidden, is_block
    cdef Frame parent, frame

    while node != NULL and not blocks.full:
        kind = node_type(node)
        if kind == TEXT_NODE:
            text = text_content(node, &length)
            if text != NULL:
                if length:
                    blocks.add_text(_decoded(text, length), frames)
                free_text(doc, text)
        elif kind == ELEMENT_NODE:
            parent = frames[-1] if frames else None
            if parent is not None:
                parent.child_elements += 1
            tag = tag_id(node)
            tag_name = tag_names.get(tag)
            if tag_name is None:
                name = element_name(node, &length)
                tag_name = tag_names[tag] = _decoded(name, length) or ""
            if tag_name == "br" or tag_name == "hr":
                blocks.flush(frames)
            elif tag_name in UNREAD_TAGS:
                pass  # counted among its siblings, so that the paths of the elements after it find them
            else:
                element_id = css_class = style = href = itemprop = None
                has_attributes = has_hidden = False
                attribute = first_attribute(node)
                while attribute != NULL:
                    has_attributes = True
                    name = attribute_name(attribute, &length)
                    value = attribute_value(attribute, &value_length)
                    if _named(name, length, "id", 2):
                        element_id = _decoded(value, value_length)
                    elif _named(name, length, "class", 5):
                        css_class = _decoded(value, value_length)
                    elif _named(name, length, "style", 5):
                        style = _decoded(value, value_length)
                    elif _named(name, length, "href", 4):
                        href = _decoded(value, value_length)
                    elif _named(name, length, "itemprop", 8):
                        itemprop = _decoded(value, value_length)
                    elif _named(name, length, "hidden", 6):
                        has_hidden = True
                    attribute = next_attribute(attribute)
                if parent is not None and parent.hidden:
                    hidden = parent.hidden
                elif tag_name == "noscript":
                    hidden = NOSCRIPT
                else:
                    hidden = hiding_reason(has_hidden, element_id, style) if has_hidden or style else None
                    if hidden is None and rules and (css_class or element_id):
                        hidden = _hidden_by_rule(css_class, element_id, rules)
                if len(frames) >= MAX_DEPTH:
                    raise HostileMarkup(f"markup nests more than {MAX_DEPTH} elements deep")
                # an element hidden by itself is a block of its own, so that hidden text inside a paragraph
                # (<span style="display:none">) is not read as part of what a visitor sees
                is_block = tag_name in BLOCK_TAGS or (hidden is not None and (parent is None or parent.hidden is None))
                if is_block:
                    blocks.flush(frames)
                if tag_name == "a":
                    link_host = _link_host(href, link_hosts)
                    blocks.add_link(link_host)
                else:
                    link_host = parent.link_host if parent is not None else None
                frame = _open(tag_name, parent.child_elements if parent is not None else 1, element_id, hidden,
                              f"{css_class or ''} {element_id or ''}" if has_attributes else "", link_host, is_block,
                              parent, len(frames),
                              tag_name if is_block else parent.block_tag if parent is not None else "")
                frame.declares_body = itemprop == "articleBody"
                frame.article_body = body_of(parent) if parent is not None else None
                frame.node = node
                frames.append(frame)
                child = first_child(node)
                if child != NULL:
                    node = child
                    continue
                node = _close(blocks, frames)
                continue
        if not frames:
            break
        following = next_sibling(node)
        node = following if following != NULL else _close(blocks, frames)
    blocks.flush(frames)
    return blocks.segments, blocks.layout, blocks.parts, blocks.full


cdef void* _close(_Blocks blocks, list frames) except? NULL:
    """Close open elements, innermost first, until one has a next sibling: that sibling is where the walk goes on;
    NULL once the walk's root is closed (its siblings are not the walk's)."""
    cdef Frame frame
    cdef void* following
    while frames:
        frame = frames[-1]
        if frame.is_block:
            blocks.flush(frames)
        frames.pop()
        if not frames:
            return NULL
        following = next_sibling(frame.node)
        if following != NULL:
            return following
    return NULL
