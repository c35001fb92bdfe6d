Console.Error.WriteLine("dev host: not built yet");
return 2;
