# cython: language_level=3
"""Sets of code points that whole texts are searched for, compiled: ``re`` tests a character class against every
character of a text with an interpreted program, and the normalizer asks of every page whether it holds a character of
each kind it undoes (look-alike letters, combining marks, Cyrillic or Greek letters, pictographs), which most pages
do not. The same set gives the ``re`` character class for the patterns that read those characters in context.

The hints below it are searches of the same kind: what every match of a costly pattern holds (two single letters
between separators, a digit beside a letter), found character by character, so that the pattern is read only on the
lines that hold it (:func:`spamsift.core.normalize.hinted_lines`).
"""

import re

from cpython.unicode cimport Py_UNICODE_ISDECIMAL, PyUnicode_DATA, PyUnicode_GET_LENGTH, PyUnicode_KIND, PyUnicode_READ
from libc.stdlib cimport free, malloc

from spamsift.core._characters cimport is_letter


cdef class CodePoints:
    """A set of code points, as runs of consecutive ones (``(first, last)``, both included)."""

    cdef Py_UCS4* firsts
    cdef Py_UCS4* lasts
    cdef Py_ssize_t count
    cdef Py_UCS4 lowest
    cdef readonly str character_class
    """The set as a ``re`` character class (``[a-z]``): a class of a few ranges costs ``re`` a few comparisons a
    character, one of a hundred single characters a list walk."""
    cdef readonly object pattern
    """:attr:`character_class`, compiled."""

    def __cinit__(self, runs):
        if not runs:
            raise ValueError("an empty set of code points")
        merged = []  # sorted and apart, for the binary search of _holds
        for first, last in sorted(runs):
            if merged and first <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], last)
            else:
                merged.append([first, last])
        runs = merged
        self.count = len(runs)
        self.firsts = <Py_UCS4*> malloc(self.count * sizeof(Py_UCS4))
        self.lasts = <Py_UCS4*> malloc(self.count * sizeof(Py_UCS4))
        if self.firsts == NULL or self.lasts == NULL:
            raise MemoryError()
        for i, (first, last) in enumerate(runs):
            self.firsts[i], self.lasts[i] = first, last
        self.lowest = self.firsts[0]
        self.character_class = "[" + "".join(re.escape(chr(first)) + ("-" + re.escape(chr(last)) if last > first else "")
                                             for first, last in runs) + "]"
        self.pattern = re.compile(self.character_class)

    def __dealloc__(self):
        free(self.firsts)
        free(self.lasts)

    @classmethod
    def of(cls, code_points) -> CodePoints:
        """The set of these code points (the constructor joins them into runs)."""
        return cls([(code_point, code_point) for code_point in code_points])

    cdef inline bint _holds(self, Py_UCS4 character) noexcept:
        """A binary search of the runs: a few comparisons for a set of a few runs, a dozen for one of thousands (the
        rare Han characters)."""
        cdef Py_ssize_t low = 0, high = self.count, middle
        if character < self.lowest:
            return False
        while low < high:  # the first run ending at or after the character
            middle = (low + high) // 2
            if self.lasts[middle] < character:
                low = middle + 1
            else:
                high = middle
        return low < self.count and self.firsts[low] <= character

    cdef inline bint _beyond(self, int kind) noexcept:
        """Whether no character of a text of this storage kind can be in the set: a text of one byte a character
        holds no code point over 255, one of two bytes none over 65,535."""
        return (kind == 1 and self.lowest > 0xFF) or (kind == 2 and self.lowest > 0xFFFF)

    def found_in(self, str text) -> bool:
        """Whether the text holds a character of the set (``pattern.search(text) is not None``)."""
        cdef int kind = PyUnicode_KIND(text)
        if self._beyond(kind):
            return False
        cdef void* data = PyUnicode_DATA(text)
        cdef Py_ssize_t i
        for i in range(PyUnicode_GET_LENGTH(text)):
            if self._holds(PyUnicode_READ(kind, data, i)):
                return True
        return False

    def count_in(self, str text) -> int:
        """How many characters of the text are in the set (``len(pattern.findall(text))``)."""
        cdef int kind = PyUnicode_KIND(text)
        if self._beyond(kind):
            return 0
        cdef void* data = PyUnicode_DATA(text)
        cdef Py_ssize_t i, found = 0
        for i in range(PyUnicode_GET_LENGTH(text)):
            if self._holds(PyUnicode_READ(kind, data, i)):
                found += 1
        return found


cdef class Found:
    """Where a hint was found, as much of a ``re.Match`` as :func:`spamsift.core.normalize.hinted_lines` reads."""

    cdef readonly Py_ssize_t at, stop

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.stop


cdef inline bint _separates(Py_UCS4 character) noexcept:
    """A separator of spaced letters (``[ \\t.\\-_*·•|~]``)."""
    return (character == u' ' or character == u'\t' or character == u'.' or character == u'-' or character == u'_'
            or character == u'*' or character == u'·' or character == u'•' or character == u'|' or character == u'~')


cdef inline bint _latin_lower(Py_UCS4 character) noexcept:
    return u'a' <= character <= u'z'


cdef inline bint _leet_symbol(Py_UCS4 character) noexcept:
    return u'0' <= character <= u'9' or character == u'@' or character == u'$'


cdef Found _found(Py_ssize_t at, Py_ssize_t stop):
    cdef Found found = Found.__new__(Found)
    found.at, found.stop = at, stop
    return found


cdef class SpacedLettersHint:
    """``search`` as ``re.compile(r"[ \\t.\\-_*·•|~][^\\W\\d_][ \\t.\\-_*·•|~]{1,3}[^\\W\\d_][ \\t.\\-_*·•|~]")`` gives it:
    two single letters between separators, what every run of spaced letters holds. The pattern started a try at
    every space of a text; this reads each character once."""

    def search(self, str text, Py_ssize_t pos=0):
        cdef int kind = PyUnicode_KIND(text)
        cdef void* data = PyUnicode_DATA(text)
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i, run
        for i in range(pos, n - 4):
            if not (_separates(PyUnicode_READ(kind, data, i)) and is_letter(PyUnicode_READ(kind, data, i + 1))):
                continue
            run = 0
            while i + 2 + run < n and run < 4 and _separates(PyUnicode_READ(kind, data, i + 2 + run)):
                run += 1
            if (1 <= run <= 3 and i + 3 + run < n and is_letter(PyUnicode_READ(kind, data, i + 2 + run))
                    and _separates(PyUnicode_READ(kind, data, i + 3 + run))):
                return _found(i, i + 4 + run)
        return None


cdef class LeetHint:
    """``search`` as ``re.compile(r"[0-9@$](?:(?<=[a-z].)|[a-z])")`` gives it: a digit or symbol next to a letter a
    to z, either side, what every leetspeak word holds."""

    def search(self, str text, Py_ssize_t pos=0):
        cdef int kind = PyUnicode_KIND(text)
        cdef void* data = PyUnicode_DATA(text)
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i
        for i in range(pos, n):
            if not _leet_symbol(PyUnicode_READ(kind, data, i)):
                continue
            if i > 0 and _latin_lower(PyUnicode_READ(kind, data, i - 1)):
                return _found(i, i + 1)
            if i + 1 < n and _latin_lower(PyUnicode_READ(kind, data, i + 1)):
                return _found(i, i + 2)
        return None


cdef class LetterDigitsHint:
    """``search`` as ``re.compile(r"\\d\\d(?:(?<=[a-z]\\d\\d)|(?<=[a-z][-_]\\d\\d))")`` gives it: two decimal digits
    after a letter a to z, or after one and a hyphen or underscore, what every numbered name holds."""

    def search(self, str text, Py_ssize_t pos=0):
        cdef int kind = PyUnicode_KIND(text)
        cdef void* data = PyUnicode_DATA(text)
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i
        cdef Py_UCS4 before
        for i in range(max(pos, 1), n - 1):
            if not (Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, i))
                    and Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, i + 1))):
                continue
            before = PyUnicode_READ(kind, data, i - 1)
            if _latin_lower(before) or (i > 1 and (before == u'-' or before == u'_')
                                        and _latin_lower(PyUnicode_READ(kind, data, i - 2))):
                return _found(i, i + 2)
        return None
