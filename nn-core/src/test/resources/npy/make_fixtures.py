#!/usr/bin/env python3
"""Makes the small .npy/.npz fixtures that NpyTest and NpzTest read.

Run from any directory (numpy >= 1.17 is needed for format version 3.0):

    python3 nn-core/src/test/resources/npy/make_fixtures.py

The files are written next to this script and committed, so the Java tests never need Python.
Every value here is repeated, as a literal, in the Java tests: change both together.
"""
import os

import numpy as np
from numpy.lib import format as npformat

HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


# float64, 2-D, C order: the layout gradschool itself writes.
np.save(path("float64_2d.npy"), np.array([[1.5, -2.0, 3.25], [0.0, 1e-300, -7.0]], dtype="<f8"))

# float32, 3-D, shape (2, 2, 3); 0.1 is not exact in float32, so the test expects (double) 0.1f.
np.save(path("float32_3d.npy"), np.array(
    [[[0.5, -1.0, 0.1], [2.0, 3.0, 4.0]], [[-0.0, 100.0, 1e-3], [6.0, 7.0, 8.0]]], dtype="<f4"))

# int64, 1-D: the extremes show what converting to double does (2**53 + 1 rounds to 2**53).
np.save(path("int64_1d.npy"), np.array(
    [-9223372036854775808, -1, 0, 1, 9007199254740993, 9223372036854775807], dtype="<i8"))

# uint8, 2-D.
np.save(path("uint8_2d.npy"), np.array([[0, 1, 255], [128, 7, 42]], dtype="|u1"))

# bool, 1-D.
np.save(path("bool_1d.npy"), np.array([True, False, False, True, True], dtype="|b1"))

# float64, 2-D, Fortran (column-major) order: the bytes on disk are 1, 4, 2, 5, 3, 6.
np.save(path("fortran_2x3.npy"), np.asfortranarray(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])))

# float64, 3-D, Fortran order.
np.save(path("fortran_2x3x4.npy"), np.asfortranarray(np.arange(24.0).reshape(2, 3, 4)))

# A 0-d scalar array, shape ().
np.save(path("scalar.npy"), np.array(42.5))

# Big-endian float64, 1-D.
np.save(path("big_endian_f8.npy"), np.array([1.0, -2.5, 1e100], dtype=">f8"))

# Format versions 2.0 (4-byte header length) and 3.0 (UTF-8 header), written explicitly.
for version in [(2, 0), (3, 0)]:
    with open(path("version_%d_0.npy" % version[0]), "wb") as f:
        npformat.write_array(f, np.array([[1.0, 2.0], [3.0, 4.0]]), version=version)

# An uncompressed archive (np.savez) and a compressed one (np.savez_compressed).
# "weight" comes first on purpose: file order is not alphabetical order.
np.savez(path("two_arrays.npz"),
         weight=np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]),
         bias=np.array([0.5, -0.5], dtype="<f4"))
np.savez_compressed(path("compressed.npz"),
                    weight=np.zeros((4, 5)) + 0.25,
                    labels=np.array([3, 1, 4, 1, 5], dtype="<i8"))
