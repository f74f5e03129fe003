/** The PARS Excel path: writing and reading PARS's learner upload template. */
module org.parsjava.excel {
    requires transitive org.parsjava.core;
    requires org.dhatim.fastexcel;
    requires org.dhatim.fastexcel.reader;
    requires java.xml;

    exports org.parsjava.excel;
}
