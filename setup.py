"""The compiled parts of spamsift: the walk over an HTML page's tree (``spamsift/html/_walk.pyx``) and the segment
model's tokens (``spamsift/core/_tokens.pyx``); the rest of the build is declared in pyproject.toml."""

from Cython.Build import cythonize
from setuptools import Extension, setup

setup(ext_modules=cythonize([Extension("spamsift.html._walk", ["src/spamsift/html/_walk.pyx"]),
                                       Extension("spamsift.core._tokens", ["src/spamsift/core/_tokens.pyx"])],
                            compiler_directives={"language_level": "3"}))
