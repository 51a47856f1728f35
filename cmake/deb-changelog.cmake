# Run by cpack (CPACK_PRE_BUILD_SCRIPTS) on the staged files of the Debian package only:
# adds usr/share/doc/tmalign/changelog.Debian.gz, which Debian requires of every package
# (lintian: no-changelog). The date honours SOURCE_DATE_EPOCH.
string(TIMESTAMP tmalign_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
set(tmalign_doc "${CPACK_TEMPORARY_DIRECTORY}${CPACK_PACKAGING_INSTALL_PREFIX}/share/doc/${CPACK_PACKAGE_NAME}")
file(MAKE_DIRECTORY "${tmalign_doc}")
file(WRITE "${tmalign_doc}/changelog.Debian"
"${CPACK_PACKAGE_NAME} (${CPACK_PACKAGE_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE}) unstable; urgency=medium

  * Package built with CPack from the tmalign source tree; see README.md.

 -- ${CPACK_DEBIAN_PACKAGE_MAINTAINER}  ${tmalign_date}
")
execute_process(COMMAND gzip -9nf "${tmalign_doc}/changelog.Debian" RESULT_VARIABLE tmalign_rc)
if(NOT tmalign_rc EQUAL 0)
  message(FATAL_ERROR "gzip of ${tmalign_doc}/changelog.Debian failed")
endif()
