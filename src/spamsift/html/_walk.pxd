# The compiled walk's classes, declared here so that other compiled modules (the layout features, _layout.pyx)
# read their fields in C.

cdef class Frame:
    # An open element during the walk; the layout features read the frames of a block's ancestors.

    cdef public str tag
    cdef public int index
    cdef public object element_id
    cdef public object hidden
    # Why this element, or one of its ancestors, is invisible to a visitor.
    cdef public str names
    # Its class and id attributes, split into words only when a block below asks (see :func:`_layout_info`).
    cdef public object link_host
    cdef public bint is_block
    cdef public Frame parent
    cdef public int depth
    cdef public str block_tag
    # The tag of the nearest block-level element, this one included.
    cdef public str path
    # Its CSS path, built when a block below asks (see :func:`_locator`).
    cdef public frozenset own_tokens
    # Its tag and class/id words as the layout model reads them; see own_layout_tokens.
    cdef public tuple name_words
    # The words of its class and id, split when first asked.
    cdef public long prose_words
    # Words of paragraph-like blocks inside this element; see _layout.pyx, _in_main_container.
    cdef public bint declares_body
    # Whether it declares itself the article's body (schema.org's ``itemprop="articleBody"``, which news and blog
    # platforms write for search engines).
    cdef public Frame article_body
    # The nearest element above it that declares itself the article's body (see body_of). Never the frame itself:
    # frames refer only to the elements above them, so that they need no garbage collector (``no_gc``).
    cdef double ancestry_weight
    # The sum of the layout model's weights of the tokens of this element and its ancestors, once weighed (see
    # _layout.pyx, ancestry_weights).
    cdef void* node
    cdef int child_elements


cdef class LayoutInfo:
    # The ancestry of a block, read off the open elements when the block closed; the layout model
    # (``spamsift/html/layout.py``) reads it.

    cdef readonly tuple local
    # The block's own tokens: its block tag, the path of its last three elements, its element's class/id words.
    cdef readonly int depth
    cdef readonly Frame element
    # The innermost open element when the block closed; None for text outside any element.


cdef frozenset own_layout_tokens(Frame frame)
cdef tuple words_of(Frame frame)


cdef inline Frame body_of(Frame frame):
    """The nearest element, this one included, that declares itself the article's body; None when none does."""
    return frame if frame.declares_body else frame.article_body
