println "BINDING: " + binding.variables.collect { k, v -> "$k=$v" }.join("\n")
