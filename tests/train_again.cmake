# Trains the chat's model again from the same files and development sets and
# fails unless the result is the build's model byte for byte.
file(GLOB dev_sets "${ROOT}/chat/eval/dev/*.tsv")
set(args "")
foreach(set IN LISTS dev_sets)
  list(APPEND args --dev-set "${set}")
endforeach()
file(MAKE_DIRECTORY "${WORK}")
execute_process(COMMAND "${TRAIN}" --root "${ROOT}" --files "${FILES}" --out "${WORK}/model.json" ${args}
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "chat-train failed: ${status}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${WORK}/model.json" "${MODEL}" RESULT_VARIABLE differ)
if(NOT differ EQUAL 0)
  message(FATAL_ERROR "a second training gave another model than ${MODEL}")
endif()
message(STATUS "chat-train gave the same model again")
