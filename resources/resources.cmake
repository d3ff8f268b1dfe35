# Desktop resources. include() this file, then:
#   mp2p_add_desktop_resources(<target>)   the app icon as ":/icons/mp2p-desktop.svg"
# and, for installs, the rules below put the .desktop file and the icon where desktops look.
set(MP2P_RESOURCES_DIR ${CMAKE_CURRENT_LIST_DIR})

function(mp2p_add_desktop_resources target)
  qt_add_resources(${target} "mp2p_desktop_icons" PREFIX /icons BASE ${MP2P_RESOURCES_DIR}
    FILES ${MP2P_RESOURCES_DIR}/mp2p-desktop.svg)
endfunction()

function(mp2p_install_desktop_files)
  include(GNUInstallDirs)
  install(FILES ${MP2P_RESOURCES_DIR}/mp2p-desktop.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${MP2P_RESOURCES_DIR}/mp2p-desktop.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
endfunction()
