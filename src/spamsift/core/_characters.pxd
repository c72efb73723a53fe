# What ``re`` reads as a word character and as a letter, for the compiled modules that read text character by
# character (tokens, evidence, the hints, the layout model's first word). Inline functions only: cimporting them
# imports no module.

from cpython.unicode cimport Py_UNICODE_ISALNUM, Py_UNICODE_ISALPHA, Py_UNICODE_ISDECIMAL, Py_UNICODE_ISNUMERIC


cdef inline bint is_word_char(Py_UCS4 ch) noexcept:
    # What ``re`` reads as ``\w`` in a str (ASCII answered without Unicode's tables: most text is ASCII).
    if ch < 128:
        return (u'a' <= ch <= u'z') or (u'A' <= ch <= u'Z') or (u'0' <= ch <= u'9') or ch == u'_'
    return Py_UNICODE_ISALNUM(ch)


cdef inline bint is_letter(Py_UCS4 ch) noexcept:
    # What ``re`` reads as ``[^\W\d_]`` in a str: a word character that is neither a decimal digit nor "_".
    if ch < 128:
        return (u'a' <= ch <= u'z') or (u'A' <= ch <= u'Z')
    return Py_UNICODE_ISALPHA(ch) or (Py_UNICODE_ISNUMERIC(ch) and not Py_UNICODE_ISDECIMAL(ch))
