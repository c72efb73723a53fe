"""The compiled parts of spamsift: the walk over an HTML page's tree (``spamsift/html/_walk.pyx``), the layout
model's dense features (``spamsift/html/_layout.pyx``), the segment model's tokens (``spamsift/core/_tokens.pyx``)
each block's evidence (``spamsift/core/_evidence.pyx``), the character sets and hints the normalizer looks for
(``spamsift/core/_chars.pyx``) and the MinHash of a spam page's text (``spamsift/core/_minhash.pyx``); the rest of
the build is declared in pyproject.toml."""

from Cython.Build import cythonize
from setuptools import Extension, setup

MODULES = ("spamsift.html._walk", "spamsift.html._layout", "spamsift.core._tokens", "spamsift.core._evidence",
           "spamsift.core._chars", "spamsift.core._minhash")

setup(ext_modules=cythonize([Extension(name, ["src/" + name.replace(".", "/") + ".pyx"]) for name in MODULES],
                            include_path=["src"], compiler_directives={"language_level": "3"}))
