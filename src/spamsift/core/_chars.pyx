# cython: language_level=3
"""Sets of code points that whole texts are searched for, compiled: ``re`` tests a character class against every
character of a text with an interpreted program, and the normalizer asks of every page whether it holds a character of
each kind it undoes (look-alike letters, combining marks, Cyrillic or Greek letters, pictographs), which most pages
do not. The same set gives the ``re`` character class for the patterns that read those characters in context.
"""

import re

from cpython.unicode cimport PyUnicode_DATA, PyUnicode_GET_LENGTH, PyUnicode_KIND, PyUnicode_READ
from libc.stdlib cimport free, malloc


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
        runs = sorted(runs)
        if not runs:
            raise ValueError("an empty set of code points")
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
        """The set of these code points, cut into runs."""
        runs = []
        for code_point in sorted(code_points):
            if runs and code_point == runs[-1][1] + 1:
                runs[-1][1] = code_point
            else:
                runs.append([code_point, code_point])
        return cls([tuple(run) for run in runs])

    cdef inline bint _holds(self, Py_UCS4 character) noexcept:
        cdef Py_ssize_t i
        if character < self.lowest:
            return False
        for i in range(self.count):
            if self.firsts[i] <= character <= self.lasts[i]:
                return True
        return False

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
