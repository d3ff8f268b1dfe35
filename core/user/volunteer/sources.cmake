# Volunteer roles under consent (issue 7). The consent record format lives with the PAMS
# (core/p2psp/pams/consentrecord.*) until it moves to core/protocol.
target_sources(mp2p_user PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/consentstore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/volunteercontroller.cpp
  ${CMAKE_CURRENT_LIST_DIR}/volunteerlimitsparse.cpp)
target_link_libraries(mp2p_user PUBLIC mp2p_pams)
