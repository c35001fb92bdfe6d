Console.Error.WriteLine("usage: bench.sh <name>");
return 2;
